import type { Transaction } from 'kysely';
import type { Database } from '../../store/database';
import type { SyncContext } from '../sync-context';
import { noteNewAttendees } from '../customers/customer-checkpoint';
import { writeAppointmentCheckpoint, type AppointmentCheckpoint } from './appointment-checkpoint';
import type { AppointmentRecord } from '../../appointments/appointment-record';
import { AppointmentRepository, type StoredHash, type UpsertCounts } from '../../appointments/appointment-repository';
import type { FetchedChunk } from './fetch-chunk';
import { mapGraphAppointment } from '../../appointments/map-graph-appointment';
import { inProgressCheckpoint, type RunPlan } from './run-plan';
import { writeRejects, type Reject } from './sync-rejects';
import type { Chunk } from './sync-window';

const ENTITY = 'bookingAppointment';

/** A chunk as read, waiting for its commit. */
export interface FetchedSpan {
  chunk: Chunk;
  fetched: FetchedChunk;
}

export interface ChunksCommit {
  /** Read, not yet committed: disjoint spans of one plan. */
  chunks: readonly FetchedSpan[];
  currency: string;
  plan: RunPlan;
  /** The checkpoint the run started from. */
  stored: AppointmentCheckpoint;
}

function splitFetched(fetched: FetchedChunk, context: { businessId: string; currency: string }) {
  const records: AppointmentRecord[] = [];
  const rejects: Reject[] = fetched.invalid.map((r) => ({ recordId: r.id ?? null, reason: r.issues }));
  for (const appointment of fetched.appointments) {
    const mapped = mapGraphAppointment(appointment, context);
    if (mapped.kind === 'record') records.push(mapped.record);
    else rejects.push({ recordId: appointment.id, reason: mapped.reason });
  }
  return { records, rejects };
}

/** Writes what Bookings answered (rows, and rejects stamped seen) inside the caller's transaction. */
export async function writeFetched(
  trx: Transaction<Database>,
  ctx: SyncContext,
  input: { fetched: FetchedChunk; currency: string; now: Date; stored?: ReadonlyMap<string, StoredHash> },
): Promise<UpsertCounts & { rejected: number }> {
  const { records, rejects } = splitFetched(input.fetched, { businessId: ctx.businessId, currency: input.currency });
  const repository = new AppointmentRepository(trx);
  const upserted = await repository.upsertFromBookings(records, {
    syncRunId: ctx.syncRunId,
    now: input.now,
    ...(input.stored === undefined ? {} : { stored: input.stored }),
  });
  // A refused record still exists in Bookings: stamped, so that a move of it is not taken for a cancellation.
  await repository.markSeen(
    rejects.flatMap((r) => (r.recordId === null ? [] : [r.recordId])),
    ctx.syncRunId,
  );
  await writeRejects(trx, { businessId: ctx.businessId, syncRunId: ctx.syncRunId, entity: ENTITY, now: input.now }, rejects);
  // Someone the customer list did not have booked: the next customer phase lists again.
  await noteNewAttendees(trx, ctx.businessId, new Set(records.flatMap((r) => r.attendees.map((a) => a.customerId))), input.now);
  return { ...upserted, rejected: rejects.length };
}

/** The ids Bookings showed, refused records included: a refused record still exists there, so it is not taken for cancelled. */
export function seenIds(fetched: FetchedChunk): Set<string> {
  const seen = new Set(fetched.appointments.map((a) => a.id));
  for (const r of fetched.invalid) if (r.id !== undefined) seen.add(r.id);
  return seen;
}

/**
 * Chunks' rows, rejects and checkpoint (the chunks marked done, with the ids of stored rows starting
 * in their spans that the reads did not show) in one transaction, committed as the run's holder. Those
 * ids are settled once the whole window is read (`markVanished`): one may have moved to a chunk not
 * read yet. Several chunks share a commit when they were read while the last one committed: on SQLite
 * a commit writes every page it changed, and a page of an index keyed by appointment id (a random
 * place) holds rows of every week. A year's appointments inserted as a first sync writes them (this
 * machine, the bench's data) wrote 4.3 GB in commits of a week, 3.4 GB of two, 2.9 GB of four.
 */
export async function commitChunks(ctx: SyncContext, input: ChunksCommit): Promise<UpsertCounts & { rejected: number; missing: string[] }> {
  const now = ctx.clock();
  return ctx.commit(async (trx) => {
    const repository = new AppointmentRepository(trx);
    const total = { added: 0, updated: 0, unchanged: 0, rejected: 0, missing: [] as string[] };
    for (const { chunk, fetched } of input.chunks) {
      const stored = await repository.storedIn(ctx.businessId, { start: chunk.start, end: chunk.end });
      const counts = await writeFetched(trx, ctx, { fetched, currency: input.currency, now, stored });
      total.added += counts.added;
      total.updated += counts.updated;
      total.unchanged += counts.unchanged;
      total.rejected += counts.rejected;
      total.missing.push(...repository.missingIds(stored, seenIds(fetched)));
    }
    const done = {
      ...input.plan,
      done: new Set([...input.plan.done, ...input.chunks.map((c) => c.chunk.index)]),
      missing: new Set([...input.plan.missing, ...total.missing]),
    };
    await writeAppointmentCheckpoint(trx, ctx.businessId, inProgressCheckpoint(input.stored, ctx.syncRunId, done), now);
    return total;
  });
}
