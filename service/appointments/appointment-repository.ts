import type { Kysely, UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Appointment, AppointmentState } from '../domain/appointment';
import { statesMovingTo } from '../domain/appointment-state';
import { chunk } from '../domain/chunks';
import { toIsoUtc } from '../store/columns';
import type { Database, Row } from '../store/database';
import { contentHash, type AppointmentRecord } from './appointment-record';
import { newAppointmentRow, recordColumns, rowToAppointment, rowToRecord } from './appointment-row';
import { countBlocked, loadBlockedCustomerIds } from './blocked-customers';
import { countUnlinkedWithoutEmail, loadLinkedCustomerIds } from '../links/unlinked-customers';
import type { TimeSpan } from '../sync/appointments/sync-window';
import { CANCELLED_AFTER_INVOICING, decideUpsert, isUnchanged } from './upsert-decision';

export { rowToAppointment, rowToRecord } from './appointment-row';

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** What decides whether Bookings changed a stored row. */
export type StoredHash = Pick<Row<'appointments'>, 'id' | 'state' | 'content_hash'>;

export interface VanishCounts {
  /** Unbilled appointments gone from Bookings, now 'cancelled'. */
  cancelled: number;
  /** Billed appointments gone from Bookings, now flagged for review. */
  flagged: number;
}

// Well under SQLite's and PostgreSQL's bound-parameter limits, for `in (...)` lists and multi-row inserts.
const IDS_PER_QUERY = 500;
const ROWS_PER_INSERT = 100;
/** Reads and decisions per row when other writers keep changing its state under us. */
const DECIDE_ATTEMPTS = 3;

/**
 * The one place that writes appointment rows from Bookings. Pass a transaction to make a batch
 * atomic. A row Bookings showed changed (written or not) carries the run's id in `last_seen_sync`; a
 * row it showed unchanged is not written at all. What vanished is told from the ids a read saw
 * (`missingIds`), settled at the end of the run unless the run stamped the row meanwhile (it moved).
 */
export class AppointmentRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** `afterRead` runs between reading the stored rows and writing them: a test's seam for a concurrent writer. */
    private readonly options: { afterRead?: (ids: readonly string[]) => Promise<void> } = {},
  ) {}

  async findByIds(ids: readonly string[]): Promise<Row<'appointments'>[]> {
    const rows: Row<'appointments'>[] = [];
    for (const part of chunk([...new Set(ids)], IDS_PER_QUERY)) {
      rows.push(...(await this.db.selectFrom('appointments').selectAll().where('id', 'in', part).execute()));
    }
    return rows;
  }

  /**
   * Up to `limit` ids of the business's appointments in a state a cancellation can still move, starting
   * before `before`, in id order after `afterId`: one slice of the rotating re-read by id.
   */
  async cancellableBefore(options: { businessId: string; before: Date; afterId: string; limit: number }): Promise<string[]> {
    const cancellable = statesMovingTo('cancelled');
    if (cancellable.length === 0) return [];
    const rows = await this.db
      .selectFrom('appointments')
      .select('id')
      .where('business_id', '=', options.businessId)
      .where('state', 'in', cancellable)
      .where('start_utc', '<', toIsoUtc(options.before))
      .where('id', '>', options.afterId)
      .orderBy('id')
      .limit(options.limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /**
   * The start of the stored appointment `count` places after the first one starting at or after `from`
   * (cancelled ones count too): where a calendar slice of about `count` appointments from `from` ends.
   * Null when fewer are stored.
   */
  async startAfterCount(businessId: string, from: Date, count: number): Promise<Date | null> {
    const row = await this.db
      .selectFrom('appointments')
      .select('start_utc')
      .where('business_id', '=', businessId)
      .where('start_utc', '>=', toIsoUtc(from))
      .orderBy('start_utc')
      .limit(1)
      .offset(count)
      .executeTakeFirst();
    return row ? new Date(row.start_utc) : null;
  }

  async oldestUnbilledStart(businessId: string): Promise<Date | null> {
    const row = await this.db
      .selectFrom('appointments')
      .select((eb) => eb.fn.min('start_utc').as('oldest'))
      .where('business_id', '=', businessId)
      .where('state', '=', 'unbilled')
      .executeTakeFirst();
    return row?.oldest ? new Date(row.oldest) : null;
  }

  async getAppointments(ids: readonly string[]): Promise<Appointment[]> {
    return (await this.findByIds(ids)).map(rowToAppointment);
  }

  /**
   * Writes what changed, by Graph id and content hash, following the state rules of `decideUpsert`.
   * A row whose hash and state say unchanged (a later sync's common case) is neither read whole nor
   * written: only its id, state and hash are read.
   */
  async upsertFromBookings(
    records: readonly AppointmentRecord[],
    options: {
      syncRunId: string;
      now: Date;
      /** What `storedIn` read of the span the records come from: only the others are looked up by id. */ stored?: ReadonlyMap<string, StoredHash>;
    },
  ): Promise<UpsertCounts> {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
    const unique = [...new Map(records.map((r) => [r.id, r])).values()];
    const known = options.stored ?? new Map<string, StoredHash>();
    const stored = new Map(known);
    for (const row of await this.storedHashes(unique.flatMap((r) => (known.has(r.id) ? [] : [r.id])))) stored.set(row.id, row);
    await this.options.afterRead?.(unique.map((r) => r.id));
    const added: AppointmentRecord[] = [];
    const changed: { record: AppointmentRecord; hash: string }[] = [];
    for (const record of unique) {
      const row = stored.get(record.id);
      if (row === undefined) {
        added.push(record);
        continue;
      }
      const hash = contentHash(record);
      if (isUnchanged(row.state, row.content_hash, hash)) counts.unchanged++;
      else changed.push({ record, hash });
    }
    if (added.length === 0 && changed.length === 0) return counts;

    const touched = [...added, ...changed.map((c) => c.record)];
    const blocked = await this.blockedCustomerIds(touched);
    const linked = await this.linkedWithoutEmail(touched);
    const inserts = added.map((record) => ({
      ...newAppointmentRow(record, options.syncRunId, options.now),
      customers_blocked: countBlocked(record.attendees, blocked(record)),
      customers_without_email: countUnlinkedWithoutEmail(record.attendees, linked(record)),
    }));
    for (const part of chunk(inserts, ROWS_PER_INSERT)) await this.db.insertInto('appointment_inserts').values(part).execute();
    counts.added += inserts.length;

    const rows = new Map((await this.findByIds(changed.map((c) => c.record.id))).map((row) => [row.id, row]));
    const seen: string[] = [];
    for (const { record, hash } of changed) {
      const row = rows.get(record.id);
      const written = row !== undefined && (await this.writeExisting(row, record, hash, { blocked: blocked(record), linked: linked(record), ...options }));
      if (written) counts.updated++;
      else {
        seen.push(record.id);
        counts.unchanged++;
      }
    }
    // Its hash differs (a billed row keeps what was billed): stamped, so a move between a run's chunks is not taken for vanished.
    await this.markSeen(seen, options.syncRunId);
    return counts;
  }

  /**
   * The id, state and hash of the business's rows starting in `span`, read by one range scan (rows of a
   * span were mostly written together, so they lie together): what a sync decides most of a chunk's
   * rows by (`upsertFromBookings`) and finds the missing ones from (`missingIds`).
   */
  async storedIn(businessId: string, span: TimeSpan): Promise<Map<string, StoredHash>> {
    const rows = await this.db
      .selectFrom('appointments')
      .select(['id', 'state', 'content_hash'])
      .where('business_id', '=', businessId)
      .where('start_utc', '>=', toIsoUtc(span.start))
      .where('start_utc', '<', toIsoUtc(span.end))
      .execute();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** What `upsertFromBookings` decides most rows by, without their Bookings values. */
  private async storedHashes(ids: readonly string[]): Promise<StoredHash[]> {
    const rows: StoredHash[] = [];
    for (const part of chunk([...new Set(ids)], IDS_PER_QUERY)) {
      rows.push(...(await this.db.selectFrom('appointments').select(['id', 'state', 'content_hash']).where('id', 'in', part).execute()));
    }
    return rows;
  }

  /**
   * One stored row against what Bookings shows now; true when it was rewritten. The write only
   * lands if the row is still in the state the decision was made from: a run may claim it (or a
   * person exclude it) between our read and our write, and under READ COMMITTED a plain update
   * would put the old state back over theirs. Then the row is read again and decided again; past
   * the bound it is left as the other writer made it (the next sync looks again). Either way Bookings
   * showed it, so the caller does not take it for vanished.
   */
  private async writeExisting(
    first: Row<'appointments'>,
    record: AppointmentRecord,
    hash: string,
    options: { syncRunId: string; now: Date; blocked: ReadonlySet<string>; linked: ReadonlySet<string> },
  ): Promise<boolean> {
    const now = toIsoUtc(options.now);
    let row: Row<'appointments'> | undefined = first;
    for (let attempt = 0; attempt < DECIDE_ATTEMPTS && row !== undefined; attempt++) {
      const decision = decideUpsert(
        { state: row.state, reviewReason: row.review_reason, contentHash: row.content_hash, record: rowToRecord(row) },
        record,
        hash,
      );
      let update;
      switch (decision.kind) {
        case 'insert':
        case 'unchanged':
          return false;
        case 'replace':
          update = this.db.updateTable('appointments').set({
            ...recordColumns(record),
            customers_blocked: countBlocked(record.attendees, options.blocked),
            customers_without_email: countUnlinkedWithoutEmail(record.attendees, options.linked),
            state: decision.state,
            // Back in Bookings: it was not cancelled after all.
            ...(decision.state !== 'cancelled' ? { cancelled_seen_at: null } : {}),
            last_seen_sync: options.syncRunId,
            updated_at: now,
          });
          break;
        case 'flag':
          update = this.db.updateTable('appointments').set({ review_reason: decision.reviewReason, last_seen_sync: options.syncRunId, updated_at: now });
          break;
      }
      const result = await update.where('id', '=', row.id).where('state', '=', row.state).executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) return true;
      row = (await this.findByIds([row.id]))[0];
    }
    return false;
  }

  /** The blocked Bookings customers of each record's business, read once per business per call. */
  private async blockedCustomerIds(records: readonly AppointmentRecord[]): Promise<(record: AppointmentRecord) => ReadonlySet<string>> {
    const byBusiness = new Map<string, Set<string>>();
    for (const businessId of new Set(records.map((r) => r.businessId))) byBusiness.set(businessId, await loadBlockedCustomerIds(this.db, businessId));
    return (record) => byBusiness.get(record.businessId) ?? new Set();
  }

  /** Attendees without an email whom a person linked to a Business Central customer, per business: they can be invoiced. */
  private async linkedWithoutEmail(records: readonly AppointmentRecord[]): Promise<(record: AppointmentRecord) => ReadonlySet<string>> {
    const byBusiness = new Map<string, Set<string>>();
    for (const businessId of new Set(records.map((r) => r.businessId))) {
      const ids = records.filter((r) => r.businessId === businessId).flatMap((r) => r.attendees.filter((a) => a.email.trim() === '').map((a) => a.customerId));
      byBusiness.set(businessId, await loadLinkedCustomerIds(this.db, businessId, ids));
    }
    return (record) => byBusiness.get(record.businessId) ?? new Set();
  }

  /** Stamps rows Bookings still has without rewriting them (refused this time as malformed, or billed and changed). */
  async markSeen(ids: readonly string[], syncRunId: string): Promise<void> {
    for (const part of chunk([...new Set(ids)], IDS_PER_QUERY)) {
      await this.db.updateTable('appointments').set({ last_seen_sync: syncRunId }).where('id', 'in', part).execute();
    }
  }

  /** Of the rows `storedIn` read of a span Bookings was read whole for, the ids the read did not see. */
  missingIds(stored: ReadonlyMap<string, StoredHash>, seen: ReadonlySet<string>): string[] {
    return [...stored.keys()].filter((id) => !seen.has(id));
  }

  /**
   * Rows run `syncRunId` found missing from a span it read (`missingIds`), once it has read its whole
   * window: gone from Bookings unless the run stamped them since (Bookings showed them in another
   * span: they moved). Settled as `markGone` settles them.
   */
  async markVanished(options: { ids: readonly string[]; syncRunId: string; now: Date }): Promise<VanishCounts> {
    const counts: VanishCounts = { cancelled: 0, flagged: 0 };
    for (const part of chunk([...new Set(options.ids)], IDS_PER_QUERY)) {
      const settled = await this.settleGone(
        this.byIds(part).where((eb) => eb.or([eb('last_seen_sync', 'is', null), eb('last_seen_sync', '!=', options.syncRunId)])),
        options.now,
      );
      counts.cancelled += settled.cancelled;
      counts.flagged += settled.flagged;
    }
    return counts;
  }

  /** Rows Bookings answered 404 for when read by id: gone, settled as `markVanished` settles them. */
  async markGone(options: { ids: readonly string[]; now: Date }): Promise<VanishCounts> {
    const counts: VanishCounts = { cancelled: 0, flagged: 0 };
    for (const part of chunk([...new Set(options.ids)], IDS_PER_QUERY)) {
      const settled = await this.settleGone(this.byIds(part), options.now);
      counts.cancelled += settled.cancelled;
      counts.flagged += settled.flagged;
    }
    return counts;
  }

  /**
   * An update of rows by id. The business is not in the SQL: the ids are the business's own rows (read
   * from its span or its unbilled slice), and with it there SQLite walks the business's (business_id,
   * state) index, every unbilled appointment it has, instead of looking the ids up by primary key
   * (0.6-1.4 s for 24 ids at 100,000 appointments, the longest step of an incremental sync).
   */
  private byIds(ids: readonly string[]) {
    return this.db.updateTable('appointments').where('id', 'in', ids);
  }

  private async settleGone(gone: UpdateQueryBuilder<Database, 'appointments', 'appointments', UpdateResult>, at: Date): Promise<VanishCounts> {
    const now = toIsoUtc(at);
    const cancellable = statesMovingTo('cancelled');
    const cancelled =
      cancellable.length === 0
        ? 0
        : Number(
            // The first instant it was seen missing is kept (Graph has no cancellation time): it judges a late cancellation.
            (
              await gone
                .set((eb) => ({ state: 'cancelled', cancelled_seen_at: eb.fn.coalesce('cancelled_seen_at', eb.val(now)), updated_at: now }))
                .where('state', 'in', cancellable)
                .executeTakeFirst()
            ).numUpdatedRows,
          );
    const billed: AppointmentState[] = ['claimed', 'invoiced'];
    const flagged = await gone
      .set({ review_reason: CANCELLED_AFTER_INVOICING, updated_at: now })
      .where('state', 'in', billed)
      // A fee bills the no-show or the cancellation itself: its appointment being gone changes nothing.
      .where('no_show', '=', 0)
      .where('cancelled_seen_at', 'is', null)
      .where((eb) => eb.or([eb('review_reason', 'is', null), eb('review_reason', '!=', CANCELLED_AFTER_INVOICING)]))
      .executeTakeFirst();
    return { cancelled, flagged: Number(flagged.numUpdatedRows) };
  }
}
