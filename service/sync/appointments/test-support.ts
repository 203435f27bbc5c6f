import type { Kysely } from 'kysely';
import type { Database, Row } from '../../store/database';
import type { SyncHarness } from '../testing/sync-harness';
import type { TimeSpan } from './sync-window';

/** A fixed clock for integration suites: the seed's data and every run's window hang off it. */
export const NOW = new Date('2026-03-18T10:00:00.000Z');
export const DAY_MS = 86_400_000;

export const allRows = (db: Kysely<Database>): Promise<Row<'appointments'>[]> => db.selectFrom('appointments').selectAll().orderBy('id').execute();

/** A row without what differs between two runs that read the same data (run id, clock). */
export function comparable(row: Row<'appointments'>) {
  const { last_seen_sync: _seen, created_at: _created, updated_at: _updated, ...rest } = row;
  return rest;
}

export async function comparableRows(db: Kysely<Database>) {
  return (await allRows(db)).map(comparable);
}

/** The ids Graph lists for a span, to compare with what the sync stored. */
export async function graphIds(h: SyncHarness, span: TimeSpan): Promise<string[]> {
  const { appointments } = await h.bookings.calendarView(h.businessId, span.start, span.end);
  return appointments.map((a) => a.id).sort();
}

/** The first run's window under the harness setup. */
export const firstWindow = (h: SyncHarness): TimeSpan => ({
  start: new Date(h.now.getTime() - h.setup.lookBackDays * DAY_MS),
  end: new Date(h.now.getTime() + DAY_MS),
});

/** An unbilled stored appointment starting in [from, to) days relative to now, with customers. */
export async function pickRow(db: Kysely<Database>, fromDays: number, toDays: number, skip: readonly string[] = []): Promise<Row<'appointments'>> {
  const rows = await db
    .selectFrom('appointments')
    .selectAll()
    .where('start_utc', '>=', new Date(NOW.getTime() + fromDays * DAY_MS).toISOString())
    .where('start_utc', '<', new Date(NOW.getTime() + toDays * DAY_MS).toISOString())
    .where('state', '=', 'unbilled')
    .where('customer_count', '>', 0)
    .orderBy('start_utc')
    .execute();
  const row = rows.find((r) => !skip.includes(r.id));
  if (!row) throw new Error(`no unbilled appointment between day ${fromDays} and ${toDays}`);
  return row;
}

export const graphTime = (date: Date) => ({ dateTime: date.toISOString().slice(0, 19), timeZone: 'UTC' });
