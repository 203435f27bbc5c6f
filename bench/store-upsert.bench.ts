import type { Insertable, Kysely } from 'kysely';
import type { AppStore, AppointmentsTable, Database } from '../service/store';
import { perSecond, timed, type Benchmark, type BenchResult } from './benchmark';
import { onEachStore } from './stores';

const ROWS = 10_000;
/** 500 rows of 25 columns stay under both databases' bound-parameter limits. */
const CHUNK = 500;

/** Rows shaped like a sync's: ids like Graph's, a day's spread of times, JSON columns of realistic size. */
function appointmentRows(pass: string): Insertable<AppointmentsTable>[] {
  const base = Date.UTC(2026, 0, 5, 8);
  const at = new Date().toISOString();
  return Array.from({ length: ROWS }, (_, i) => {
    const start = new Date(base + Math.floor(i / 40) * 86_400_000 + (i % 40) * 900_000);
    return {
      id: `AAMkADBench-${String(i).padStart(6, '0')}=`,
      business_id: 'fysio@nordlys.onmicrosoft.com',
      start_utc: start.toISOString(),
      end_utc: new Date(start.getTime() + 50 * 60_000).toISOString(),
      duration_minutes: 50,
      service_id: `svc-${i % 12}`,
      service_name: 'Fysioterapi, opfølgning',
      staff_member_ids: JSON.stringify([`staff-${i % 6}`]),
      customers: JSON.stringify([{ id: `cust-${i % 400}`, name: `Kunde ${i % 400}`, email: `kunde${i % 400}@example.dk`, timeZone: 'Europe/Copenhagen' }]),
      price_minor: 65_000,
      currency: 'DKK',
      price_type: 'fixedPrice',
      state: 'unbilled',
      content_hash: `${pass}-${i}`,
      last_seen_sync: pass,
      graph_last_updated: at,
      created_at: at,
      updated_at: at,
      customer_count: 1,
      customers_without_email: 0,
      search_text: `kunde ${i % 400} kunde${i % 400}@example.dk fysioterapi`,
    };
  });
}

/** Insert-or-update by id in one transaction, as a sync commits a chunk of appointments. */
async function upsert(db: Kysely<Database>, rows: Insertable<AppointmentsTable>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('appointments')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            start_utc: eb.ref('excluded.start_utc'),
            end_utc: eb.ref('excluded.end_utc'),
            duration_minutes: eb.ref('excluded.duration_minutes'),
            service_id: eb.ref('excluded.service_id'),
            service_name: eb.ref('excluded.service_name'),
            staff_member_ids: eb.ref('excluded.staff_member_ids'),
            customers: eb.ref('excluded.customers'),
            price_minor: eb.ref('excluded.price_minor'),
            price_type: eb.ref('excluded.price_type'),
            content_hash: eb.ref('excluded.content_hash'),
            last_seen_sync: eb.ref('excluded.last_seen_sync'),
            graph_last_updated: eb.ref('excluded.graph_last_updated'),
            updated_at: eb.ref('excluded.updated_at'),
            customer_count: eb.ref('excluded.customer_count'),
            customers_without_email: eb.ref('excluded.customers_without_email'),
            search_text: eb.ref('excluded.search_text'),
          })),
        )
        .execute();
    }
  });
}

/** First pass inserts every row, the second updates every row. */
async function measure(store: AppStore, label: string): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const pass of ['insert', 'update'] as const) {
    const data = appointmentRows(pass);
    const { ms } = await timed(() => upsert(store.db, data));
    rows.push({
      benchmark: `Store upsert, ${ROWS.toLocaleString('en')} appointments, one transaction, ${label}`,
      figure: Math.round(perSecond(ROWS, ms)),
      unit: 'rows/s',
      notes: `${pass === 'insert' ? 'all new rows' : 'every row conflicts and is updated'}, ${Math.round(ms)} ms, ${CHUNK} rows a statement`,
    });
  }
  return rows;
}

export const storeUpsertBenchmark: Benchmark = {
  name: 'store-upsert',
  async run() {
    return onEachStore({ title: 'Store upsert', unit: 'rows/s' }, measure);
  },
};
