import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
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

const IDS_PER_QUERY = 500;
const ROWS_PER_INSERT = 50;
// A concurrent claim in PostgreSQL may insert the same attendee between our check and our insert.
const CLAIM_ATTEMPTS = 5;

export interface ClaimOutcome {
  invoices: number;
  skipped: Skipped[];
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const lostReason = (state: string | undefined): SkipReason =>
  state === 'invoiced' || state === 'cancelled' || state === 'excluded' ? state : state === undefined ? 'unknown' : 'claimed';

/**
 * Claim: in ONE transaction the planned appointments move from unbilled to claimed by this run, and
 * the invoices and lines of what was claimed are written (status planned). An appointment another
 * run claimed (or invoiced) first is skipped, so two runs never bill one twice.
 */
export async function claim(ctx: RunContext, plan: InvoicePlan, staffNames: ReadonlyMap<string, string>): Promise<ClaimOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.asHolder((trx) => claimIn(trx, ctx, plan, staffNames));
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= CLAIM_ATTEMPTS) throw err;
    }
  }
}

async function claimIn(trx: Transaction<Database>, ctx: RunContext, plan: InvoicePlan, staffNames: ReadonlyMap<string, string>): Promise<ClaimOutcome> {
  const now = toIsoUtc(ctx.now());
  const wanted = [...new Set(plan.groups.flatMap((g) => g.appointmentIds))];
  const fees = new Set(plan.groups.flatMap((g) => g.lines.filter((l) => l.feeKind !== undefined).map((l) => l.appointmentId)));
  // Each is claimed only if it is still what it was planned as: a service is neither marked a
  // no-show nor cancelled meanwhile; a fee (which may be cancelled in Bookings) still is one.
  for (const part of slices(
    wanted.filter((id) => !fees.has(id)),
    IDS_PER_QUERY,
  )) {
    await claimable(trx, ctx, part, now).where('state', '=', 'unbilled').where('no_show', '=', 0).where('cancelled_seen_at', 'is', null).execute();
  }
  for (const part of slices([...fees], IDS_PER_QUERY)) {
    await claimable(trx, ctx, part, now)
      .where('state', 'in', statesMovingTo('claimed'))
      .where((eb) => eb.or([eb('no_show', '<>', 0), eb('cancelled_seen_at', 'is not', null)]))
      .execute();
  }
  const states = new Map<string, { state: string; run: string | null }>();
  for (const part of slices(wanted, IDS_PER_QUERY)) {
    const rows = await trx.selectFrom('appointments').select(['id', 'state', 'claimed_by_run']).where('id', 'in', part).execute();
    for (const row of rows) states.set(row.id, { state: row.state, run: row.claimed_by_run });
  }
  const ours = new Set(wanted.filter((id) => states.get(id)?.state === 'claimed' && states.get(id)?.run === ctx.runId));
  const billed = await billedAttendees(trx, [...ours]);

  const skipped = [...plan.skipped];
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
  for (const part of slices(empty, IDS_PER_QUERY)) {
    await trx
      .updateTable('appointments')
      .set({ state: 'unbilled', claimed_by_run: null, updated_at: now })
      .where('id', 'in', part)
      .where('claimed_by_run', '=', ctx.runId)
      .execute();
  }

  const groups = groupLines(lines, ctx.setup.invoiceGrouping, { runDate: ctx.now(), timeZone: ctx.setup.dailySummary.timeZone });
  const invoiceRows: NewRow<'invoices'>[] = [];
  const lineRows: NewRow<'invoice_lines'>[] = [];
  groups.forEach((group, position) => {
    const invoiceId = randomUUID();
    invoiceRows.push(invoiceRow(ctx, group, invoiceId, position, now));
    group.lines.forEach((line, index) => lineRows.push(lineRow(ctx, plan, staffNames, line, invoiceId, index, now)));
  });
  for (const part of slices(invoiceRows, ROWS_PER_INSERT)) await trx.insertInto('invoices').values(part).execute();
  for (const part of slices(lineRows, ROWS_PER_INSERT)) await trx.insertInto('invoice_lines').values(part).execute();
  await trx
    .updateTable('invoice_runs')
    .set({ state: 'claimed', phase: 'claim', planned_count: groups.length, skipped: writeJson(skipped), updated_at: now })
    .where('id', '=', ctx.runId)
    .execute();
  return { invoices: groups.length, skipped };
}

function claimable(trx: Transaction<Database>, ctx: RunContext, ids: string[], now: string) {
  return trx
    .updateTable('appointments')
    .set({ state: 'claimed', claimed_by_run: ctx.runId, updated_at: now })
    .where('business_id', '=', ctx.businessId)
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
