import type { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { eq, or } from '../../clients/business-central/odata-filter';
import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { BC_BATCH_MAX_OPERATIONS } from '../../clients/business-central/bc-batch';
import { inPool } from '../../clients/http/in-pool';
import { chunk } from '../../domain/chunks';
import { requireEveryRecord } from '../../clients/http/parse-records';

/**
 * Keys per `$filter`. The filters travel as the GETs of `$batch`es, inside the request body, so no
 * gateway sees them as URLs; 20 keys keep each filter about 1 KB.
 */
const KEYS_PER_FILTER = 20;
/** Business Central processes 5 requests per user at a time: the batches are spread over all 5. */
const CONCURRENT_BATCHES = 5;

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
  const filters = chunk(keys, KEYS_PER_FILTER).map((part) => or(...part.map((key) => eq('externalDocumentNumber', key))));
  // As many filters per batch as spread them evenly over the concurrent batches (a batch holds at most 100).
  const perBatch = Math.min(BC_BATCH_MAX_OPERATIONS, Math.max(1, Math.ceil(filters.length / CONCURRENT_BATCHES)));
  await inPool(chunk(filters, perBatch), CONCURRENT_BATCHES, async (batch) => {
    // No more filters than slots: each is a plain GET, as a batch of one would gain nothing.
    const answers = batch.length === 1 ? [await bc.findSalesInvoices(batch[0]!, options)] : await bc.findSalesInvoicesBatch(batch, options);
    for (const { salesInvoices, invalid } of answers) {
      // An invoice under one of the keys that cannot be read may be the key's invoice: taken for absent,
      // it would be created again. Whether one exists stays unknown, and the run stops on it.
      requireEveryRecord(invalid);
      for (const invoice of salesInvoices) {
        if (invoice.status === 'Canceled') continue;
        const key = invoice.externalDocumentNumber.toUpperCase();
        const same = found.get(key);
        if (same === undefined) found.set(key, [invoice]);
        else same.push(invoice);
      }
    }
  });
  return found;
}
