import { keyEmail } from '../grouping';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { money, totalsByCurrency } from '../../domain/money';
import { fromFlag, readJson } from '../../store/columns';
import type { Database, Row } from '../../store/database';
import { RunNotFoundError } from './errors';
import { isAfterCreateProblem } from './after-create-words';
import { afterCreateSchema } from '../../setup/setup-schema';
import { countsOf } from './run-counts';
import { isRunErrorKind, runErrorWords } from './run-error-words';
import {
  invoiceStatusSchema,
  isTerminal,
  runSourceSchema,
  runStateSchema,
  selectionSchema,
  skippedSchema,
  type RunInvoice,
  type RunResult,
  type RunSummary,
} from './run-schemas';

const idsSchema = z.array(z.string());

/** Invoices that exist in Business Central and count in the run's totals. */
export const LIVE_STATUSES = ['created', 'verified', 'mismatch', 'posted'] as const;

export function toRunInvoice(row: Row<'invoices'>): RunInvoice {
  const bcTotals =
    row.bc_total_excl_minor === null || row.bc_total_incl_minor === null || row.prices_include_tax === null
      ? null
      : {
          excludingTax: row.bc_total_excl_minor,
          tax: row.bc_tax_minor ?? row.bc_total_incl_minor - row.bc_total_excl_minor,
          includingTax: row.bc_total_incl_minor,
          pricesIncludeTax: fromFlag(row.prices_include_tax),
        };
  return {
    id: row.id,
    externalDocumentNumber: row.external_document_number,
    status: invoiceStatusSchema.parse(row.status),
    customer: { name: row.customer_name ?? '', email: keyEmail(row.customer_email ?? '') },
    bcCustomerId: row.bc_customer_id,
    bcCustomerNumber: row.bc_customer_number,
    bcInvoiceId: row.bc_invoice_id,
    number: row.posted_number ?? row.bc_number,
    url: row.url,
    invoiceDate: row.invoice_date,
    amount: money(row.amount_minor, row.currency),
    bcTotals,
    appointmentIds: readJson(idsSchema, row.appointment_ids, 'invoices.appointment_ids'),
    error: row.error,
    verifyProblem: row.verify_problem,
    draftNumber: row.bc_number,
    sent: row.sent_at !== null,
    afterCreateProblem: row.after_create_error !== null && isAfterCreateProblem(row.after_create_error) ? row.after_create_error : null,
  };
}

/** The invoice columns a run's summary is made of: a poll reads these, not whole invoices. */
const SUMMARY_COLUMNS = ['status', 'currency', 'amount_minor', 'bc_total_incl_minor', 'appointment_ids', 'customer_email'] as const;
type SummaryRow = Pick<Row<'invoices'>, (typeof SUMMARY_COLUMNS)[number]>;

function summarise(run: Row<'invoice_runs'>, invoices: readonly SummaryRow[], skippedCount: number): RunSummary {
  const state = runStateSchema.parse(run.state);
  const live = invoices.filter((i) => (LIVE_STATUSES as readonly string[]).includes(i.status));
  const byStatus: RunSummary['byStatus'] = {};
  for (const i of invoices) {
    const status = invoiceStatusSchema.parse(i.status);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  return {
    id: run.id,
    state,
    finished: isTerminal(state),
    requestedBy: run.requested_by,
    source: runSourceSchema.parse(run.source),
    selection: readJson(selectionSchema, run.selection, 'invoice_runs.selection'),
    retryOf: run.retry_of,
    afterCreate: afterCreateSchema.catch('draft').parse(run.after_create),
    progress: { planned: run.planned_count, created: run.created_count, failed: run.failed_count },
    // What Business Central holds (including VAT) once read back; the planned amount until then.
    totals: totalsByCurrency(live.map((i) => money(i.bc_total_incl_minor ?? i.amount_minor, i.currency))),
    counts: countsOf(
      live.map((i) => ({
        appointmentIds: readJson(idsSchema, i.appointment_ids, 'invoices.appointment_ids'),
        customer: { email: keyEmail(i.customer_email ?? '') },
      })),
    ),
    byStatus,
    skippedCount,
    error: runErrorWords(run.error),
    errorKind: run.error === null ? null : isRunErrorKind(run.error) ? run.error : 'unknown',
    createdAt: run.created_at,
    finishedAt: run.finished_at,
  };
}

async function readRunRow(db: Kysely<Database>, runId: string): Promise<Row<'invoice_runs'>> {
  const run = await db.selectFrom('invoice_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (run === undefined) throw new RunNotFoundError(runId);
  return run;
}

/** A run's state, counts, progress and totals without its invoices: what a face polls while the run goes. */
export async function readRunSummary(db: Kysely<Database>, runId: string): Promise<RunSummary> {
  const run = await readRunRow(db, runId);
  const invoices = await db
    .selectFrom('invoices')
    .select([...SUMMARY_COLUMNS])
    .where('run_id', '=', runId)
    .execute();
  // Counted, not read: one entry per skipped appointment.
  const skippedCount = run.skipped === null ? 0 : readJson(z.array(z.unknown()), run.skipped, 'invoice_runs.skipped').length;
  return summarise(run, invoices, skippedCount);
}

/** A run with every one of its invoices, for the process itself (cards, retries, the CLI's report); faces page them. */
export async function readRun(db: Kysely<Database>, runId: string): Promise<RunResult> {
  const run = await readRunRow(db, runId);
  const invoices = await db.selectFrom('invoices').selectAll().where('run_id', '=', runId).orderBy('position').execute();
  const skipped = run.skipped === null ? [] : readJson(z.array(skippedSchema), run.skipped, 'invoice_runs.skipped');
  const { byStatus: _byStatus, skippedCount: _skippedCount, ...summary } = summarise(run, invoices, skipped.length);
  return { ...summary, invoices: invoices.map(toRunInvoice), skipped };
}
