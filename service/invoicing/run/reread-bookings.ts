import { contentHash, type AppointmentRecord } from '../../appointments/appointment-record';
import { AppointmentRepository } from '../../appointments/appointment-repository';
import { ownAppointments, type ChunkSpan, type FetchedChunk } from '../../sync/appointments/fetch-chunk';
import { inPool } from '../../clients/http/in-pool';
import { mapGraphAppointment } from '../../appointments/map-graph-appointment';
import { statesMovingTo } from '../../domain/appointment-state';
import { toIsoUtc } from '../../store/columns';
import type { Row } from '../../store/database';
import type { RunContext } from './run-context';

export interface RereadOutcome {
  /** Selected appointments Bookings no longer has: now cancelled (if they were unbilled). */
  cancelled: string[];
  updated: number;
}

// Ids per `in (...)` list, well under both databases' parameter limits.
const IDS_PER_QUERY = 500;

/** What the re-read compares of a selected row. */
type SelectedRow = Pick<Row<'appointments'>, 'id' | 'start_utc' | 'end_utc' | 'currency' | 'content_hash' | 'last_seen_sync'>;

/** The selected appointments still unbilled, with only what the re-read compares (not their attendees and texts). */
async function unbilledOf(ctx: RunContext, ids: readonly string[]): Promise<Map<string, SelectedRow>> {
  const out = new Map<string, SelectedRow>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const rows = await ctx.db
      .selectFrom('appointments')
      .select(['id', 'start_utc', 'end_utc', 'currency', 'content_hash', 'last_seen_sync'])
      .where('id', 'in', ids.slice(i, i + IDS_PER_QUERY))
      .where('state', '=', 'unbilled')
      .execute();
    for (const row of rows) out.set(row.id, row);
  }
  return out;
}

/**
 * The earliest start and just past the latest end, in one pass: spreading the rows into Math.min()
 * throws RangeError beyond about 125,000 of them (each becomes a call argument).
 */
function spanOf(rows: Iterable<SelectedRow>): { start: Date; end: Date } {
  let start = Infinity;
  let end = -Infinity;
  for (const row of rows) {
    start = Math.min(start, Date.parse(row.start_utc));
    end = Math.max(end, Date.parse(row.end_utc));
  }
  return { start: new Date(start), end: new Date(Math.max(end, start) + 1) };
}

/** Graph serves 4 requests per mailbox at a time. */
const CONCURRENT_READS = 4;
/** Windows per read slot, so a busy stretch of the calendar does not leave the other slots idle. */
const WINDOWS_PER_READ = 2;
/** A window shorter than this is not worth a request of its own. */
const MIN_WINDOW_MS = 86_400_000;

/**
 * The span as consecutive windows read 4 at a time (one after another, a month of a busy clinic
 * was ~130 pages in a row). Each page is handed to `take` as it arrives, with only the selected
 * appointments, and dropped after: a window's appointments are never all held at once (4 windows
 * of 2,600 parsed appointments each were 40 MB of heap in a run of 10,000).
 */
async function fetchSpan(
  ctx: RunContext,
  span: { start: Date; end: Date },
  selected: ReadonlyMap<string, SelectedRow>,
  take: (part: FetchedChunk) => void,
): Promise<void> {
  const length = span.end.getTime() - span.start.getTime();
  const count = Math.max(1, Math.min(CONCURRENT_READS * WINDOWS_PER_READ, Math.floor(length / MIN_WINDOW_MS)));
  const edge = (i: number) => new Date(i === count ? span.end.getTime() : span.start.getTime() + Math.floor((length * i) / count));
  const windows: ChunkSpan[] = Array.from({ length: count }, (_, index) => ({ start: edge(index), end: edge(index + 1), takesOverlapping: index === 0 }));
  await inPool(windows, CONCURRENT_READS, async (window) => {
    for await (const page of ctx.bookings.calendarViewPages(ctx.setup.businessId, window.start, window.end)) {
      take(await ownAppointments(ctx.bookings, ctx.setup.businessId, window, page, (id) => selected.has(id)));
    }
  });
}

/**
 * Reads the selection's span from Bookings again, right before claiming, so a cancellation older
 * than the sync's overlap window is never invoiced and a late change is priced as it is now. Only
 * the selected rows are touched. Each keeps its `last_seen_sync` stamp, so a sync in progress still
 * judges what vanished from its own window correctly.
 */
export async function rereadSelection(ctx: RunContext, ids: readonly string[]): Promise<RereadOutcome> {
  const selected = await unbilledOf(ctx, ids);
  if (selected.size === 0) return { cancelled: [], updated: 0 };
  // Selected appointments Bookings listed, and those it listed in a form refused: the rest are gone.
  const seen = new Set<string>();
  const refused = new Set<string>();
  const changed = new Map<string, AppointmentRecord[]>();
  await fetchSpan(ctx, spanOf(selected.values()), selected, (part) => {
    for (const record of part.invalid) if (record.id !== undefined && selected.has(record.id)) refused.add(record.id);
    for (const graph of part.appointments) {
      const row = selected.get(graph.id);
      if (row === undefined || seen.has(graph.id)) continue;
      seen.add(graph.id);
      const mapped = mapGraphAppointment(graph, { businessId: ctx.businessId, currency: row.currency });
      if (mapped.kind !== 'record' || contentHash(mapped.record) === row.content_hash) continue;
      const stamp = row.last_seen_sync ?? `invoice-run:${ctx.runId}`;
      const records = changed.get(stamp);
      if (records === undefined) changed.set(stamp, [mapped.record]);
      else records.push(mapped.record);
    }
  });
  const gone = [...selected.keys()].filter((id) => !seen.has(id) && !refused.has(id));
  if (gone.length === 0 && changed.size === 0) return { cancelled: [], updated: 0 };

  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    let updated = 0;
    const repository = new AppointmentRepository(trx);
    for (const [stamp, records] of changed) updated += (await repository.upsertFromBookings(records, { syncRunId: stamp, now })).updated;
    for (let i = 0; i < gone.length; i += IDS_PER_QUERY) {
      await trx
        .updateTable('appointments')
        .set((eb) => ({ state: 'cancelled', cancelled_seen_at: eb.fn.coalesce('cancelled_seen_at', eb.val(toIsoUtc(now))), updated_at: toIsoUtc(now) }))
        .where('id', 'in', gone.slice(i, i + IDS_PER_QUERY))
        .where('state', 'in', statesMovingTo('cancelled'))
        .execute();
    }
    return { cancelled: gone, updated };
  });
}
