import { sql } from 'kysely';
import type { NewRow } from '../service/store/database';
import type { AppStore } from '../service/store';
import { queryUnbilled, type UnbilledRequestInput } from '../service/unbilled';
import { appointmentRow, BUSINESS, context, resetRows } from '../service/unbilled/testing/unbilled-fixtures';
import { timed, type Benchmark, type BenchResult } from './benchmark';
import { onEachStore } from './stores';

const ROWS = 100_000;
const REPEATS = 5;
const CUSTOMERS = 700;
/** A year of a busy clinic up to the fixtures' clock (2026-11-20): three appointments every quarter hour. */
const FIRST_START_MS = Date.parse('2025-11-21T07:00:00.000Z');
/** Most of the year is already invoiced, as in a clinic that invoices every week. */
const STATES = ['unbilled', 'unbilled', 'invoiced', 'invoiced', 'invoiced', 'excluded', 'cancelled'] as const;

function rows(): NewRow<'appointments'>[] {
  return Array.from({ length: ROWS }, (_, i) => {
    const start = FIRST_START_MS + Math.floor(i / 3) * 900_000;
    const customer = i % CUSTOMERS;
    return appointmentRow(`bench-${i}`, {
      start_utc: new Date(start).toISOString(),
      end_utc: new Date(start + 45 * 60_000).toISOString(),
      duration_minutes: 45,
      price_minor: 40_000 + (i % 13) * 1000,
      price_type: i % 10 === 0 ? 'hourly' : 'fixedPrice',
      state: STATES[i % STATES.length]!,
      // Every 97th attendee has no email: those rows are unbilled but not invoiceable.
      attendees: [{ id: `c-${customer}`, name: `Customer ${customer}`, email: i % 97 === 0 ? null : `c${customer}@example.dk` }],
    });
  });
}

const QUERIES: readonly { label: string; input: UnbilledRequestInput }[] = [
  { label: 'first page (50) with totals, invoiceable', input: { businessId: BUSINESS } },
  { label: 'two-week period', input: { businessId: BUSINESS, from: '2026-10-01', to: '2026-10-14' } },
  { label: 'customer search, every state', input: { businessId: BUSINESS, state: 'all', search: 'customer 699' } },
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** After one unmeasured query (statement caches, page cache), the median of REPEATS of each. */
async function measure(store: AppStore, label: string): Promise<BenchResult[]> {
  const { ms: loadMs } = await timed(async () => {
    await resetRows(store.db, rows());
    if (label === 'PostgreSQL') await sql`analyze appointments`.execute(store.db);
  });
  const results: BenchResult[] = [];
  for (const query of QUERIES) {
    await queryUnbilled(store.db, query.input, context());
    const times: number[] = [];
    let matching = 0;
    for (let i = 0; i < REPEATS; i++) {
      const { value, ms } = await timed(() => queryUnbilled(store.db, query.input, context()));
      times.push(ms);
      matching = value.total;
    }
    results.push({
      benchmark: `Unbilled query, ${ROWS.toLocaleString('en')} appointments, ${query.label}, ${label}`,
      figure: Math.round(median(times) * 10) / 10,
      unit: 'ms',
      notes: `median of ${REPEATS}; ${matching} matching rows; rows loaded in ${Math.round(loadMs)} ms`,
    });
  }
  return results;
}

export const unbilledQueryBenchmark: Benchmark = {
  name: 'unbilled-query',
  async run() {
    return onEachStore({ title: 'Unbilled query', unit: 'ms' }, measure);
  },
};
