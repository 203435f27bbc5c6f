import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { odataGuid, or } from '../../clients/business-central/odata-filter';
import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { requireEveryRecord } from '../../clients/http/parse-records';

/** Ids per `$filter`: one request reads many invoices and the URL stays short. */
export const IDS_PER_FILTER = 20;
/** Below Business Central's 5 concurrently processed requests, leaving room for others. */
const CONCURRENT_REQUESTS = 4;

/**
 * The invoices Business Central still holds among `ids`, by lower-cased id; an id missing from the
 * map no longer exists there (a deleted draft). Never one GET per invoice.
 */
export async function fetchInvoicesById(bc: BusinessCentralClient, ids: readonly string[]): Promise<Map<string, SalesInvoice>> {
  const found = new Map<string, SalesInvoice>();
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_FILTER) chunks.push(ids.slice(i, i + IDS_PER_FILTER));
  let next = 0;
  const worker = async () => {
    for (let chunk = chunks[next++]; chunk !== undefined; chunk = chunks[next++]) {
      const { salesInvoices, invalid } = await bc.findSalesInvoices(or(...chunk.map((id) => `id eq ${odataGuid(id)}`)));
      // One that cannot be read would be taken for a deleted draft, and its appointments released to be invoiced again.
      requireEveryRecord(invalid);
      for (const invoice of salesInvoices) found.set(invoice.id.toLowerCase(), invoice);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_REQUESTS, chunks.length) }, worker));
  return found;
}
