import type { Kysely } from 'kysely';
import { fromFlag, toFlag, toIsoUtc } from '../../store/columns';
import type { Database } from '../../store/database';
import { transactionWithRetry } from '../../store/transaction-retry';
import { slices } from './bulk-update';

/** Customers per multi-row upsert (4 parameters each). */
const ROWS_PER_UPSERT = 500;

/**
 * Our guess of the VAT percent of an item no invoice has shown yet. Only used when the customer's
 * price basis differs from the Bookings prices'; a wrong guess costs one PATCH on verify.
 */
export const DEFAULT_VAT_PERCENT = 25;

/** What earlier invoices showed of Business Central's price basis (the API exposes neither up front). */
export interface PriceTerms {
  customerPricesIncludeTax: Map<string, boolean>;
  itemVatPercent: Map<string, number>;
  /**
   * The basis most recently seen for any customer of this business: the best guess for a customer
   * no invoice has shown yet (customers of one company mostly share it). Undefined before the first.
   */
  lastCustomerBasis?: boolean;
}

export async function readPriceTerms(db: Kysely<Database>, businessId: string): Promise<PriceTerms> {
  const customers = await db.selectFrom('bc_customer_terms').selectAll().where('business_id', '=', businessId).execute();
  const items = await db.selectFrom('bc_item_terms').selectAll().where('business_id', '=', businessId).execute();
  let latest: (typeof customers)[number] | undefined;
  for (const c of customers) if (latest === undefined || c.updated_at > latest.updated_at) latest = c;
  return {
    ...(latest === undefined ? {} : { lastCustomerBasis: fromFlag(latest.prices_include_tax) }),
    customerPricesIncludeTax: new Map(customers.map((c) => [c.bc_customer_id.toLowerCase(), fromFlag(c.prices_include_tax)])),
    itemVatPercent: new Map(items.map((i) => [i.bc_item_id.toLowerCase(), i.vat_percent_milli / 1000])),
  };
}

export async function rememberPriceTerms(
  db: Kysely<Database>,
  businessId: string,
  learnt: { customers: ReadonlyMap<string, boolean>; items: ReadonlyMap<string, number> },
  now: Date,
): Promise<void> {
  if (learnt.customers.size === 0 && learnt.items.size === 0) return;
  const at = toIsoUtc(now);
  // Keys in one order for every run, so that concurrent runs lock rows in the same order (no deadlock);
  // one per lower-cased id (the last learnt wins), as one multi-row statement may not touch a row twice.
  const byId = <V>(m: ReadonlyMap<string, V>) =>
    [...new Map([...m].map(([id, v]) => [id.toLowerCase(), v] as const))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await transactionWithRetry(db, async (trx) => {
    // Set-based: a run learns the basis of thousands of customers at once.
    for (const part of slices(byId(learnt.customers), ROWS_PER_UPSERT)) {
      await trx
        .insertInto('bc_customer_terms')
        .values(part.map(([id, includes]) => ({ business_id: businessId, bc_customer_id: id, prices_include_tax: toFlag(includes), updated_at: at })))
        .onConflict((oc) =>
          oc.columns(['business_id', 'bc_customer_id']).doUpdateSet((eb) => ({
            prices_include_tax: eb.ref('excluded.prices_include_tax'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    // Items are few (one per service): a statement each.
    for (const [id, percent] of byId(learnt.items)) {
      const values = { vat_percent_milli: Math.round(percent * 1000), updated_at: at };
      await trx
        .insertInto('bc_item_terms')
        .values({ business_id: businessId, bc_item_id: id, ...values })
        .onConflict((oc) => oc.columns(['business_id', 'bc_item_id']).doUpdateSet(values))
        .execute();
    }
  });
}
