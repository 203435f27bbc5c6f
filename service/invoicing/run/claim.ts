import { setImmediate } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { isUniqueViolation } from '../../store/errors';
import { toIsoUtc, writeJson } from '../../store/columns';
import type { Database, NewRow } from '../../store/database';
import { customerEmailKey, keyEmail, groupLines, type InvoiceGroup } from '../grouping';
import { externalDocumentNumber } from '../invoice-key';
import type { PricedLine } from '../../domain/pricing';
import { billedAttendees, type InvoicePlan } from './plan-invoices';
import { statesMovingTo } from '../../domain/appointment-state';
import type { RunContext } from './run-context';
import type { SkipReason, Skipped } from './run-schemas';
import { chunk } from '../../domain/chunks';

const IDS_PER_QUERY = 500;
/**
 * Appointments moved to claimed per UPDATE. Each leaves the dozen list indexes (migration 0033) and
 * moves in a few others, and SQLite keeps a statement journal of every page a statement changes
 * inside a transaction, in memory (temp_store, for the sync's sake): 500 a statement was ~40 MB of
 * resident memory at once, the peak of a run of 10,000; 100 make a fifth of it, in about the same
 * time (10.0 s against 9.6 s for 10,709).
 */
const CLAIM_ROWS_PER_UPDATE = 100;
const ROWS_PER_INSERT = 50;
/** Appointments claimed per transaction: about a fifth of a second each, so the run's polls are answered between two. */
const APPOINTMENTS_PER_CLAIM = 1000;
// A concurrent claim in PostgreSQL may insert the same attendee between our check and our insert.
const CLAIM_ATTEMPTS = 5;

export interface ClaimOutcome {
  invoices: number;
  skipped: Skipped[];
}

const lostReason = (state: string | undefined): SkipReason =>
  state === 'invoiced' || state === 'cancelled' || state === 'excluded' ? state : state === undefined ? 'unknown' : 'claimed';

/** Invoices claimed per transaction: the rest of the process (the run's own polls) is answered between two. */
const GROUPS_PER_CLAIM = 500;

/**
 * The plan's groups in chunks of about `size`, each ending the plan order's run of groups it starts.
 * An appointment with several attendees is on several groups: those stay in one chunk (with any
 * group sharing one of their appointments), so each appointment is claimed, checked and released
 * by one chunk exactly as a claim of the whole plan would.
 */
function chunksOf(groups: readonly InvoiceGroup[], size: number): InvoiceGroup[][] {
  // Union-find over groups sharing an appointment.
  const parent = groups.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const groupOf = new Map<string, number>();
  groups.forEach((group, i) => {
    for (const id of group.appointmentIds) {
      const other = groupOf.get(id);
      if (other === undefined) groupOf.set(id, i);
      else parent[root(i)] = root(other);
    }
  });
  const members = new Map<number, InvoiceGroup[]>();
  groups.forEach((group, i) => {
    const r = root(i);
    const same = members.get(r);
    if (same === undefined) members.set(r, [group]);
    else same.push(group);
  });
  const chunks: InvoiceGroup[][] = [];
  let current: InvoiceGroup[] = [];
  for (const component of members.values()) {
    if (current.length > 0 && current.length + component.length > size) {
      chunks.push(current);
      current = [];
    }
    current.push(...component);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Claim: the planned appointments move from unbilled to claimed by this run, then the invoices and
 * lines of what was claimed are written (status planned), chunk by chunk, each in ONE transaction.
 * An appointment another run claimed (or invoiced) first is skipped, so two runs never bill one
 * twice. The last chunk's transaction moves the run to 'claimed': a run still 'planned' has sent
 * nothing, and its claim is undone (releasePartialClaim) and made again when it resumes.
 */
export async function claim(ctx: RunContext, plan: InvoicePlan, staffNames: ReadonlyMap<string, string>): Promise<ClaimOutcome> {
  await claimAppointments(ctx, plan);
  await ctx.failAt('appointments-claimed');
  const chunks = chunksOf(plan.groups, ctx.chunkSize ?? GROUPS_PER_CLAIM);
  const skipped = [...plan.skipped];
  let invoices = 0;
  // At least one transaction, which moves the run on even when nothing is left to claim.
  for (let i = 0; i === 0 || i < chunks.length; i++) {
    if (i > 0) {
      await ctx.failAt('mid-claim');
      await setImmediate();
    }
    const last = i >= chunks.length - 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await ctx.asHolder(async (trx) => {
          const done = await claimIn(trx, ctx, { ...plan, groups: chunks[i] ?? [] }, staffNames, invoices);
          if (last) await claimed(trx, ctx, invoices + done.invoices, [...skipped, ...done.skipped]);
          return done;
        });
        invoices += outcome.invoices;
        skipped.push(...outcome.skipped);
        break;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt >= CLAIM_ATTEMPTS) throw err;
      }
    }
  }
  return { invoices, skipped };
}

/** The run's claim is whole: how many invoices it planned and what it left out. */
async function claimed(trx: Transaction<Database>, ctx: RunContext, invoices: number, skipped: readonly Skipped[]): Promise<void> {
  await trx
    .updateTable('invoice_runs')
    .set({ state: 'claimed', phase: 'claim', planned_count: invoices, skipped: writeJson(skipped), updated_at: toIsoUtc(ctx.now()) })
    .where('id', '=', ctx.runId)
    .execute();
}

/**
 * Undoes what a claim cut short left (a process that died between two chunks): the run's invoices
 * and lines, none of them sent (the run never reached 'claimed'), and its appointments back to
 * unbilled, so that planning starts again from the selection as it stands.
 */
export async function releasePartialClaim(ctx: RunContext): Promise<void> {
  // Looked at before any write transaction: a run that starts fresh (nearly every run) takes no write
  // lock here, so runs starting at once on SQLite do not queue behind each other's BEGIN IMMEDIATE.
  if (!(await claimCutShort(ctx.db, ctx.runId))) return;
  const now = toIsoUtc(ctx.now());
  await ctx.asHolder(async (trx) => {
    if (!(await claimCutShort(trx, ctx.runId))) return;
    await trx.deleteFrom('invoice_lines').where('run_id', '=', ctx.runId).execute();
    await trx.deleteFrom('invoices').where('run_id', '=', ctx.runId).execute();
    await trx
      .updateTable('appointments')
      .set({ state: 'unbilled', claimed_by_run: null, updated_at: now })
      .where('claimed_by_run', '=', ctx.runId)
      .where('state', '=', 'claimed')
      .execute();
  });
}

/** The run is still 'planned' with appointments claimed or invoices written: a claim stopped before its end. */
async function claimCutShort(db: Kysely<Database>, runId: string): Promise<boolean> {
  const run = await db.selectFrom('invoice_runs').select('state').where('id', '=', runId).executeTakeFirst();
  if (run?.state !== 'planned') return false;
  const invoice = await db.selectFrom('invoices').select('id').where('run_id', '=', runId).limit(1).executeTakeFirst();
  if (invoice !== undefined) return true;
  // Found by appointments_run_idx: a claim stopped after its appointments and before its first invoices.
  const appointment = await db
    .selectFrom('appointments')
    .select('id')
    .where('claimed_by_run', '=', runId)
    .where('state', '=', 'claimed')
    .limit(1)
    .executeTakeFirst();
  return appointment !== undefined;
}

/**
 * The plan's appointments to claimed, in the order they start, a stretch of the calendar per
 * transaction. Each row claimed leaves the dozen list indexes (migration 0033), most of them ordered
 * by the start within their key: a transaction of appointments that start near each other changes a
 * few pages of each, where a chunk of invoices (a customer's appointments across the whole period)
 * changed pages everywhere. 10,000 appointments of one run took 2.9 s this way against 6.8 s by
 * invoice (SQLite, the bench's year, before 0033). Each is claimed only if it is still what it was
 * planned as: a service is neither marked a no-show nor cancelled meanwhile; a fee (which may be
 * cancelled in Bookings) still is one.
 */
async function claimAppointments(ctx: RunContext, plan: InvoicePlan): Promise<void> {
  const starts = new Map<string, number>();
  const fees = new Set<string>();
  for (const line of plan.groups.flatMap((g) => g.lines)) {
    starts.set(line.appointmentId, line.start.getTime());
    if (line.feeKind !== undefined) fees.add(line.appointmentId);
  }
  const ordered = [...starts.keys()].sort((a, b) => starts.get(a)! - starts.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  const now = toIsoUtc(ctx.now());
  for (const [i, stretch] of chunk(ordered, APPOINTMENTS_PER_CLAIM).entries()) {
    if (i > 0) await setImmediate();
    await ctx.asHolder(async (trx) => {
      for (const part of chunk(
        stretch.filter((id) => !fees.has(id)),
        CLAIM_ROWS_PER_UPDATE,
      )) {
        await claimable(trx, ctx, part, now).where('state', '=', 'unbilled').where('no_show', '=', 0).where('cancelled_seen_at', 'is', null).execute();
      }
      for (const part of chunk(
        stretch.filter((id) => fees.has(id)),
        CLAIM_ROWS_PER_UPDATE,
      )) {
        await claimable(trx, ctx, part, now)
          .where('state', 'in', statesMovingTo('claimed'))
          .where((eb) => eb.or([eb('no_show', '<>', 0), eb('cancelled_seen_at', 'is not', null)]))
          .execute();
      }
    });
  }
}

/** One chunk's claim, its invoices placed from `firstPosition`; the skips it adds to the plan's. */
async function claimIn(
  trx: Transaction<Database>,
  ctx: RunContext,
  plan: InvoicePlan,
  staffNames: ReadonlyMap<string, string>,
  firstPosition: number,
): Promise<ClaimOutcome> {
  const now = toIsoUtc(ctx.now());
  const wanted = [...new Set(plan.groups.flatMap((g) => g.appointmentIds))];
  const states = new Map<string, { state: string; run: string | null }>();
  for (const part of chunk(wanted, IDS_PER_QUERY)) {
    const rows = await trx.selectFrom('appointments').select(['id', 'state', 'claimed_by_run']).where('id', 'in', part).execute();
    for (const row of rows) states.set(row.id, { state: row.state, run: row.claimed_by_run });
  }
  const ours = new Set(wanted.filter((id) => states.get(id)?.state === 'claimed' && states.get(id)?.run === ctx.runId));
  const billed = await billedAttendees(trx, [...ours]);

  const skipped: Skipped[] = [];
  for (const id of wanted.filter((w) => !ours.has(w))) {
    const reason = lostReason(states.get(id)?.state);
    skipped.push({ appointmentId: id, reason, reasons: [reason] });
  }
  const lines: PricedLine[] = [];
  for (const line of plan.groups.flatMap((g) => g.lines)) {
    if (!ours.has(line.appointmentId)) continue;
    const email = customerEmailKey(line.customer);
    if (billed.get(line.appointmentId)?.has(email)) {
      skipped.push({
        appointmentId: line.appointmentId,
        ...(keyEmail(email) ? { customerEmail: keyEmail(email) } : {}),
        reason: 'attendee-invoiced',
        reasons: ['attendee-invoiced'],
      });
    } else lines.push(line);
  }
  // Appointments whose every attendee turned out to be billed already go straight back.
  const kept = new Set(lines.map((l) => l.appointmentId));
  const empty = [...ours].filter((id) => !kept.has(id));
  for (const part of chunk(empty, IDS_PER_QUERY)) {
    await trx
      .updateTable('appointments')
      .set({ state: 'unbilled', claimed_by_run: null, updated_at: now })
      .where('id', 'in', part)
      .where('claimed_by_run', '=', ctx.runId)
      .execute();
  }

  const groups = groupLines(lines, ctx.setup.invoiceGrouping, { runDate: ctx.now(), timeZone: ctx.setup.dailySummary.timeZone });
  // Rows are made a slice of invoices at a time, as they are inserted: the run's rows are never all held at once.
  for (let first = 0; first < groups.length; first += ROWS_PER_INSERT) {
    const lineRows: NewRow<'invoice_lines'>[] = [];
    const invoiceRows = groups.slice(first, first + ROWS_PER_INSERT).map((group, i) => {
      const invoiceId = randomUUID();
      group.lines.forEach((line, index) => lineRows.push(lineRow(ctx, plan, staffNames, line, invoiceId, index, now)));
      return invoiceRow(ctx, group, invoiceId, firstPosition + first + i, now);
    });
    await trx.insertInto('invoices').values(invoiceRows).execute();
    for (const part of chunk(lineRows, ROWS_PER_INSERT)) await trx.insertInto('invoice_lines').values(part).execute();
  }
  return { invoices: groups.length, skipped };
}

/**
 * The business is not in the SQL: the ids are the plan's, which kept only the business's rows; with it
 * there, SQLite walks the business's (business_id, state) index, every unbilled appointment it has,
 * for each slice of ids instead of looking them up by primary key (half a second per 500 at 100,000).
 */
function claimable(trx: Transaction<Database>, ctx: RunContext, ids: string[], now: string) {
  return trx
    .updateTable('appointments')
    .set({ state: 'claimed', claimed_by_run: ctx.runId, updated_at: now })
    .where('id', 'in', ids)
    .where('review_reason', 'is', null);
}

function invoiceRow(ctx: RunContext, group: InvoiceGroup, id: string, position: number, now: string): NewRow<'invoices'> {
  const email = customerEmailKey(group.customer);
  return {
    id,
    run_id: ctx.runId,
    business_id: ctx.businessId,
    bc_customer_id: null,
    external_document_number: externalDocumentNumber(ctx.runId, group.appointmentIds, email),
    bc_invoice_id: null,
    bc_number: null,
    posted_number: null,
    status: 'planned',
    amount_minor: group.total.minor,
    currency: group.total.currency,
    appointment_ids: writeJson(group.appointmentIds),
    error: null,
    created_at: now,
    updated_at: now,
    customer_email: email,
    customer_name: group.customer.name,
    bc_customer_number: null,
    invoice_date: group.invoiceDate,
    verify_problem: null,
    url: null,
    position,
    prices_include_tax: null,
    bc_total_excl_minor: null,
    bc_total_incl_minor: null,
    bc_tax_minor: null,
  };
}

function lineRow(
  ctx: RunContext,
  plan: InvoicePlan,
  staffNames: ReadonlyMap<string, string>,
  line: PricedLine,
  invoiceId: string,
  position: number,
  now: string,
): NewRow<'invoice_lines'> {
  const staff = (plan.staffOf.get(line.appointmentId) ?? []).flatMap((id) => staffNames.get(id) ?? []);
  return {
    id: randomUUID(),
    invoice_id: invoiceId,
    run_id: ctx.runId,
    business_id: ctx.businessId,
    appointment_id: line.appointmentId,
    position,
    customer_email: customerEmailKey(line.customer),
    customer_name: line.customer.name,
    bookings_customer_id: line.customer.customerId,
    service_name: line.serviceName,
    start_utc: toIsoUtc(line.start),
    duration_minutes: line.durationMinutes,
    staff_names: writeJson(staff),
    price_type: line.priceType,
    price_source: line.priceSource,
    review: writeJson(line.review),
    quantity: String(line.quantity),
    unit_price_minor: line.unitPrice.minor,
    amount_minor: line.amount.minor,
    currency: line.amount.currency,
    bc_item_id: plan.itemOf.get(line.appointmentId)!,
    fee_kind: line.feeKind ?? null,
    state: 'planned',
    created_at: now,
    updated_at: now,
  };
}
