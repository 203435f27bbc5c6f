import { setImmediate } from 'node:timers/promises';
import { billedKeys, customerEmailKey } from '../grouping';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { readJson, toIsoUtc } from '../../store/columns';
import type { Database } from '../../store/database';
import type { RunContext } from './run-context';
import type { InvoiceStatus } from './run-schemas';
import { CASE_ROWS_PER_STATEMENT, caseById, ROWS_PER_STATEMENT, slices } from './bulk-update';

const IDS_PER_QUERY = ROWS_PER_STATEMENT;

export interface InvoiceFailure {
  invoiceId: string;
  error: string;
  status?: 'failed' | 'deleted';
  /** Business Central may still be creating its draft (the run gave up mid-create): in-doubt settles it later. */
  inDoubt?: boolean;
}

async function appointmentsOfInvoices(trx: Transaction<Database>, invoiceIds: readonly string[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const part of slices(invoiceIds, IDS_PER_QUERY)) {
    const rows = await trx.selectFrom('invoice_lines').select('appointment_id').where('invoice_id', 'in', part).execute();
    for (const row of rows) ids.add(row.appointment_id);
  }
  return [...ids];
}

/**
 * A failed invoice (in one transaction, as the run's holder): its status and error, its lines released, and its
 * appointments back to unbilled so that the user can retry. Another attendee's line of the same
 * appointment keeps its state; planning skips attendees already billed.
 */
export async function failInvoices(ctx: RunContext, failures: readonly InvoiceFailure[]): Promise<void> {
  if (failures.length === 0) return;
  const now = toIsoUtc(ctx.now());
  await ctx.asHolder(async (trx) => {
    // Failures share a few outcomes (status, error, in doubt): one UPDATE per outcome and slice, not one per invoice.
    const byOutcome = new Map<string, InvoiceFailure[]>();
    for (const failure of failures) {
      const key = JSON.stringify([failure.status ?? 'failed', failure.error, failure.inDoubt === true]);
      const same = byOutcome.get(key);
      if (same === undefined) byOutcome.set(key, [failure]);
      else same.push(failure);
    }
    for (const [first, ...rest] of byOutcome.values()) {
      for (const part of slices(
        [first!, ...rest].map((f) => f.invoiceId),
        IDS_PER_QUERY,
      )) {
        await trx
          .updateTable('invoices')
          .set({ status: first!.status ?? 'failed', error: first!.error, updated_at: now, ...(first!.inDoubt ? { in_doubt_since: now } : {}) })
          .where('id', 'in', part)
          .where('status', 'in', ['planned', 'created'])
          .execute();
      }
    }
    const invoiceIds = failures.map((f) => f.invoiceId);
    for (const part of slices(invoiceIds, IDS_PER_QUERY)) {
      await trx
        .updateTable('invoice_lines')
        .set({ state: 'released', updated_at: now })
        .where('invoice_id', 'in', part)
        .where('state', '=', 'planned')
        .execute();
    }
    for (const part of slices(await appointmentsOfInvoices(trx, invoiceIds), IDS_PER_QUERY)) {
      await trx
        .updateTable('appointments')
        .set({ state: 'unbilled', claimed_by_run: null, last_attempt_failed: 1, updated_at: now })
        .where('id', 'in', part)
        .where('state', '=', 'claimed')
        .where('claimed_by_run', '=', ctx.runId)
        .execute();
    }
    await refreshCounts(trx, ctx.runId, now);
  });
}

/** Invoices recorded per transaction. */
const INVOICES_PER_RECORD = 500;

/**
 * Records the run's invoices in these statuses that still have planned lines, 500 invoices a
 * transaction: the end of a run records its verified ones, a run that gives up every live one.
 */
export async function recordInvoicesIn(ctx: RunContext, statuses: readonly InvoiceStatus[]): Promise<void> {
  const ready = await ctx.db
    .selectFrom('invoices')
    .innerJoin('invoice_lines', 'invoice_lines.invoice_id', 'invoices.id')
    .select('invoices.id')
    .distinct()
    .where('invoices.run_id', '=', ctx.runId)
    .where('invoices.status', 'in', statuses)
    .where('invoice_lines.state', '=', 'planned')
    .execute();
  for (const [i, part] of slices(
    ready.map((r) => r.id),
    INVOICES_PER_RECORD,
  ).entries()) {
    // Let the process answer others (the run's own polls) between transactions: SQLite answers at
    // once, so without this a record of thousands (seconds of trigger work) ran as one stretch.
    if (i > 0) await setImmediate();
    await recordInvoices(ctx, part);
  }
}

const attendeesSchema = z.array(z.object({ id: z.string().optional(), customerId: z.string().optional(), email: z.string() }).loose());

/**
 * Record (one transaction, as the run's holder): the invoices' lines become invoiced, and each appointment whose every
 * attendee now has an invoiced line becomes invoiced; one still waiting for an attendee goes back
 * to unbilled (planning then bills only the attendees left).
 */
export async function recordInvoices(ctx: RunContext, invoiceIds: readonly string[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  const now = toIsoUtc(ctx.now());
  await ctx.asHolder(async (trx) => {
    for (const part of slices(invoiceIds, IDS_PER_QUERY)) {
      await trx
        .updateTable('invoice_lines')
        .set({ state: 'invoiced', updated_at: now })
        .where('invoice_id', 'in', part)
        .where('state', '=', 'planned')
        .execute();
    }
    const lineOf = new Map<string, string>();
    for (const part of slices(invoiceIds, IDS_PER_QUERY)) {
      const rows = await trx.selectFrom('invoice_lines').select(['appointment_id', 'invoice_id']).where('invoice_id', 'in', part).execute();
      for (const row of rows) lineOf.set(row.appointment_id, row.invoice_id);
    }
    const appointmentIds = [...lineOf.keys()];
    for (const part of slices(appointmentIds, IDS_PER_QUERY)) {
      const appointments = await trx
        .selectFrom('appointments')
        .select(['id', 'state', 'claimed_by_run', 'customers', 'linked_bc_customer_id'])
        .where('id', 'in', part)
        .execute();
      const invoiced = await trx
        .selectFrom('invoice_lines')
        .select(['appointment_id', 'customer_email'])
        .where('appointment_id', 'in', part)
        .where('state', '=', 'invoiced')
        .execute();
      // Grouped once, so each appointment finds its lines without a scan of the slice's.
      const invoicedEmails = new Map<string, Set<string>>();
      for (const line of invoiced) {
        const emails = invoicedEmails.get(line.appointment_id);
        if (emails === undefined) invoicedEmails.set(line.appointment_id, new Set([line.customer_email]));
        else emails.add(line.customer_email);
      }
      const complete: string[] = [];
      const waiting: string[] = [];
      for (const appointment of appointments) {
        if (appointment.state !== 'claimed' || appointment.claimed_by_run !== ctx.runId) continue;
        const billed = invoicedEmails.get(appointment.id) ?? new Set<string>();
        const attendees = billedKeys(
          appointment,
          readJson(attendeesSchema, appointment.customers, 'appointments.customers').map((a) =>
            customerEmailKey({ email: a.email, customerId: a.id ?? a.customerId ?? '' }),
          ),
        );
        if (attendees.length > 0 && attendees.every((email) => billed.has(email))) complete.push(appointment.id);
        else waiting.push(appointment.id);
      }
      // Set-based: one UPDATE for the slice's complete appointments (each its own invoice id), one for the rest.
      for (const ids of slices(complete, CASE_ROWS_PER_STATEMENT)) {
        await trx
          .updateTable('appointments')
          .set({
            state: 'invoiced',
            invoice_id: caseById(
              ids,
              (id) => id,
              (id) => lineOf.get(id)!,
            ),
            last_attempt_failed: 0,
            updated_at: now,
          })
          .where('id', 'in', ids)
          .execute();
      }
      if (waiting.length > 0) {
        await trx
          .updateTable('appointments')
          .set({ state: 'unbilled', claimed_by_run: null, last_attempt_failed: 0, updated_at: now })
          .where('id', 'in', waiting)
          .execute();
      }
    }
    await refreshCounts(trx, ctx.runId, now);
  });
}

/**
 * The run's progress counters, from its invoices (so a resumed run counts right). Counted by the
 * database, one row per status: reading every invoice of the run after every batch made a run of
 * thousands of invoices quadratic in rows moved to the process.
 */
export async function refreshCounts(trx: Transaction<Database>, runId: string, now: string): Promise<void> {
  const rows = await trx
    .selectFrom('invoices')
    .select(['status', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
    .where('run_id', '=', runId)
    .groupBy('status')
    .execute();
  // PostgreSQL's count is a bigint, which node-postgres hands over as text.
  const count = (keep: (status: string) => boolean) => rows.filter((r) => keep(r.status)).reduce((sum, r) => sum + Number(r.n), 0);
  const created = count((status) => status !== 'planned' && status !== 'failed');
  const failed = count((status) => status === 'failed' || status === 'deleted');
  await trx.updateTable('invoice_runs').set({ created_count: created, failed_count: failed, updated_at: now }).where('id', '=', runId).execute();
}
