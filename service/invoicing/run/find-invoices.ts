import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { eq, or } from '../../clients/business-central/odata-filter';
import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';

/** Keys per `$filter`: keeps the URL well under any gateway's limit. */
const KEYS_PER_FILTER = 10;
const CONCURRENT_LOOKUPS = 5;

/**
 * Every live invoice Business Central holds under our idempotency keys (Canceled ones do not
 * count), by key, in Business Central's order. More than one under a key is a duplicate: see
 * keep-one-per-key. Business Central upper-cases the field; our keys are upper-case already.
 */
export async function findInvoicesByKey(
  bc: BusinessCentralClient,
  keys: readonly string[],
  options: { expandLines?: boolean } = {},
): Promise<Map<string, SalesInvoice[]>> {
  const found = new Map<string, SalesInvoice[]>();
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_FILTER) chunks.push(keys.slice(i, i + KEYS_PER_FILTER));
  let next = 0;
  const worker = async () => {
    for (let chunk = chunks[next++]; chunk !== undefined; chunk = chunks[next++]) {
      const { salesInvoices } = await bc.findSalesInvoices(or(...chunk.map((key) => eq('externalDocumentNumber', key))), options);
      for (const invoice of salesInvoices) {
        if (invoice.status === 'Canceled') continue;
        const key = invoice.externalDocumentNumber.toUpperCase();
        found.set(key, [...(found.get(key) ?? []), invoice]);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_LOOKUPS, chunks.length) }, worker));
  return found;
}
