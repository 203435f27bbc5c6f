import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { SalesInvoice } from '../../clients/business-central/schemas/sales-invoice';
import { readJson, toIsoUtc } from '../../store/columns';
import type { Database, Row } from '../../store/database';
import { isUniqueViolation } from '../../store/errors';
import { billedKeys, customerEmailKey } from '../grouping';
import { chunk } from '../../domain/chunks';
import { invoiceUrl, type InvoiceLinks } from './invoice-links';
import { itemLines } from './item-lines';
import { liveInvoicesByKey, type KeyLookupContext } from './keep-one-per-key';
import { refreshCounts } from './settle';
import { audit } from '../../history/audit';

/**
 * How long after a run gave up Business Central could still be carrying out a create it sent (a
 * `$batch` outlasting the client's timeout runs on at the server): a key not found for this long
 * was never created. Well beyond any batch's length, so a late draft is never mistaken for none.
 */
export const IN_DOUBT_SETTLE_MS = 30 * 60_000;

export interface InDoubtContext extends KeyLookupContext {
  businessId: string;
  /** For the adopted draft's link; without them (a sync of a process that has none) it has no link. */
  links?: InvoiceLinks | undefined;
  companyId?: string | null | undefined;
}

/** What one look at the in-doubt keys came to. */
export interface InDoubtReport {
  /** Late drafts that are the invoice after all: their appointments are invoiced. */
  adopted: number;
  /** Late drafts deleted (half made, or their appointments billed, claimed, cancelled or excluded since). */
  deleted: number;
  /** Keys not found long enough after the run gave up: never created. */
  cleared: number;
  /** Keys not found yet, still in doubt. */
  waiting: number;
}

type Candidate = Pick<Row<'invoices'>, 'id' | 'run_id' | 'external_document_number' | 'in_doubt_since'> & { key: string; lines: number };

const attendeesSchema = z.array(z.object({ id: z.string().optional(), customerId: z.string().optional(), email: z.string() }).loose());

/** Why a late draft is not adopted; 'taken' when another process resolved the key first. */
class NotAdoptable extends Error {
  constructor(readonly reason: 'billed-elsewhere' | 'not-billable' | 'taken') {
    super(reason);
  }
}

async function candidates(ctx: InDoubtContext, scope: { appointmentIds?: readonly string[]; runId?: string }): Promise<Candidate[]> {
  const base = ctx.db
    .selectFrom('invoices')
    .select(['invoices.id', 'invoices.run_id', 'invoices.external_document_number', 'invoices.in_doubt_since'])
    .where('invoices.business_id', '=', ctx.businessId)
    .where('invoices.status', '=', 'failed')
    .where('invoices.in_doubt_since', 'is not', null);
  const rows = new Map<string, Omit<Candidate, 'key' | 'lines'>>();
  if (scope.appointmentIds !== undefined) {
    for (const part of chunk(scope.appointmentIds, 500)) {
      const found = await base
        .innerJoin('invoice_lines', 'invoice_lines.invoice_id', 'invoices.id')
        .where('invoice_lines.appointment_id', 'in', part)
        .distinct()
        .execute();
      for (const row of found) rows.set(row.id, row);
    }
  } else {
    for (const row of await (scope.runId === undefined ? base : base.where('invoices.run_id', '=', scope.runId)).execute()) rows.set(row.id, row);
  }
  const out: Candidate[] = [];
  for (const row of rows.values()) {
    const lines = (await ctx.db.selectFrom('invoice_lines').select('id').where('invoice_id', '=', row.id).execute()).length;
    out.push({ ...row, key: row.external_document_number.toUpperCase(), lines });
  }
  return out;
}

async function auditLate(ctx: InDoubtContext, action: string, candidate: Candidate, details: Record<string, unknown>): Promise<void> {
  await audit(ctx.db, {
    at: ctx.now(),
    actor: 'system',
    source: ctx.source ?? 'invoice-run',
    action,
    subject: candidate.id,
    details: { businessId: ctx.businessId, runId: candidate.run_id, key: candidate.key, ...details },
  });
}

/**
 * The late draft is the invoice after all (one transaction): only while every appointment on it
 * is still unbilled and no other invoice bills that attendee; else NotAdoptable rolls it all back.
 */
async function adopt(trx: Transaction<Database>, ctx: InDoubtContext, candidate: Candidate, bc: SalesInvoice): Promise<void> {
  const now = toIsoUtc(ctx.now());
  const lines = await trx.selectFrom('invoice_lines').select(['appointment_id', 'customer_email']).where('invoice_id', '=', candidate.id).execute();
  for (const line of lines) {
    const elsewhere = await trx
      .selectFrom('invoice_lines')
      .select('id')
      .where('appointment_id', '=', line.appointment_id)
      .where('customer_email', '=', line.customer_email)
      .where('invoice_id', '!=', candidate.id)
      .where('state', 'in', ['planned', 'invoiced'])
      .executeTakeFirst();
    if (elsewhere !== undefined) throw new NotAdoptable('billed-elsewhere');
  }
  const url =
    ctx.links === undefined || !ctx.companyId
      ? null
      : invoiceUrl(ctx.links, { companyId: ctx.companyId, bcInvoiceId: bc.id, number: bc.number, posted: bc.status !== 'Draft' });
  const taken = await trx
    .updateTable('invoices')
    .set({ status: 'created', error: null, bc_invoice_id: bc.id, bc_number: bc.number, url, in_doubt_since: null, updated_at: now })
    .where('id', '=', candidate.id)
    .where('status', '=', 'failed')
    .where('in_doubt_since', '=', candidate.in_doubt_since)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw new NotAdoptable('taken');
  await trx.updateTable('invoice_lines').set({ state: 'invoiced', updated_at: now }).where('invoice_id', '=', candidate.id).execute();
  for (const appointmentId of new Set(lines.map((l) => l.appointment_id))) {
    const appointment = await trx
      .selectFrom('appointments')
      .select(['id', 'state', 'customers', 'linked_bc_customer_id'])
      .where('id', '=', appointmentId)
      .executeTakeFirst();
    // Claimed or invoiced since: another invoice bills it. Cancelled or excluded: nothing should.
    if (appointment?.state !== 'unbilled')
      throw new NotAdoptable(appointment?.state === 'claimed' || appointment?.state === 'invoiced' ? 'billed-elsewhere' : 'not-billable');
    const billed = new Set(
      (
        await trx.selectFrom('invoice_lines').select('customer_email').where('appointment_id', '=', appointmentId).where('state', '=', 'invoiced').execute()
      ).map((l) => l.customer_email),
    );
    const attendees = billedKeys(
      appointment,
      readJson(attendeesSchema, appointment.customers, 'appointments.customers').map((a) =>
        customerEmailKey({ email: a.email, customerId: a.id ?? a.customerId ?? '' }),
      ),
    );
    const complete = attendees.length > 0 && attendees.every((email) => billed.has(email));
    // Compared with the state read: a run claiming it meanwhile wins, and this draft goes instead.
    const moved = await trx
      .updateTable('appointments')
      .set(complete ? { state: 'invoiced', invoice_id: candidate.id, last_attempt_failed: 0, updated_at: now } : { updated_at: now })
      .where('id', '=', appointmentId)
      .where('state', '=', 'unbilled')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new NotAdoptable('billed-elsewhere');
  }
  await refreshCounts(trx, candidate.run_id, now);
}

async function tryAdopt(ctx: InDoubtContext, candidate: Candidate, bc: SalesInvoice): Promise<'adopted' | NotAdoptable['reason']> {
  try {
    await ctx.db.transaction().execute((trx) => adopt(trx, ctx, candidate, bc));
    return 'adopted';
  } catch (err) {
    if (err instanceof NotAdoptable) return err.reason;
    // Another invoice took the attendee's line between our check and our write (the unique index says so).
    if (isUniqueViolation(err)) return 'billed-elsewhere';
    throw err;
  }
}

/**
 * A late draft that is not the invoice: deleted (If-Match), the key's doubt ended and both audited.
 * The doubt is ended first, compared with the value read, so two processes never both act on it;
 * a delete that fails (changed or posted meanwhile, Business Central away) puts the doubt back.
 * One no longer a draft cannot be deleted: it is recorded for a person to sort out.
 */
async function removeLate(
  ctx: InDoubtContext,
  candidate: Candidate,
  bc: SalesInvoice,
  reason: 'half-made' | 'billed-elsewhere' | 'not-billable',
): Promise<boolean> {
  const at = toIsoUtc(ctx.now());
  const claimed = await ctx.db
    .updateTable('invoices')
    .set({ in_doubt_since: null, updated_at: at })
    .where('id', '=', candidate.id)
    .where('status', '=', 'failed')
    .where('in_doubt_since', '=', candidate.in_doubt_since)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  const draft = {
    id: bc.id,
    number: bc.number,
    status: bc.status,
    lines: itemLines(bc).length,
    expectedLines: candidate.lines,
    totalAmountIncludingTax: bc.totalAmountIncludingTax,
  };
  if (bc.status !== 'Draft' || bc.etag === undefined) {
    ctx.logger.warn(
      { key: candidate.key, number: bc.number, reason },
      'an invoice Business Central made after its run gave up cannot be deleted: a person must look',
    );
    await auditLate(ctx, 'invoice.late-invoice-found', candidate, { reason, invoice: draft });
    return false;
  }
  try {
    await ctx.bc.deleteSalesInvoice(bc.id, bc.etag);
  } catch (err) {
    ctx.logger.warn(
      { err: err instanceof Error ? err.message : String(err), key: candidate.key, number: bc.number },
      'a late draft could not be deleted; it is looked at again',
    );
    await ctx.db
      .updateTable('invoices')
      .set({ in_doubt_since: candidate.in_doubt_since })
      .where('id', '=', candidate.id)
      .where('in_doubt_since', 'is', null)
      .execute();
    return false;
  }
  ctx.logger.warn({ key: candidate.key, number: bc.number, reason }, 'a draft Business Central made after its run gave up was deleted');
  await auditLate(ctx, 'invoice.late-draft-deleted', candidate, { reason, draft });
  return true;
}

/**
 * Settles invoices whose run gave up while Business Central may still have been creating them
 * (in doubt, `in_doubt_since`): their keys are looked up. A complete draft whose appointments are
 * still unbilled and on no other invoice is that invoice after all: adopted, its appointments
 * invoiced. Any other draft under the key (half made, or its appointments billed, claimed,
 * cancelled or excluded since) is deleted and audited. A key not found stays in doubt until IN_DOUBT_SETTLE_MS after
 * the run gave up. Every sync runs this for the business, a run for its appointments before it
 * plans them, and a run that gives up for its own keys.
 */
export async function resolveInDoubt(ctx: InDoubtContext, scope: { appointmentIds?: readonly string[]; runId?: string } = {}): Promise<InDoubtReport> {
  const report: InDoubtReport = { adopted: 0, deleted: 0, cleared: 0, waiting: 0 };
  const open = await candidates(ctx, scope);
  if (open.length === 0) return report;
  const found = await liveInvoicesByKey(ctx, [...new Set(open.map((c) => c.key))], { expandLines: true });
  const now = ctx.now().getTime();
  for (const candidate of open) {
    const bc = found.get(candidate.key);
    if (bc === undefined) {
      if (now - Date.parse(candidate.in_doubt_since!) < IN_DOUBT_SETTLE_MS) {
        report.waiting++;
        continue;
      }
      const cleared = await ctx.db
        .updateTable('invoices')
        .set({ in_doubt_since: null })
        .where('id', '=', candidate.id)
        .where('in_doubt_since', '=', candidate.in_doubt_since)
        .executeTakeFirst();
      report.cleared += Number(cleared.numUpdatedRows);
      continue;
    }
    const complete = candidate.lines > 0 && itemLines(bc).length >= candidate.lines;
    const outcome = complete ? await tryAdopt(ctx, candidate, bc) : 'half-made';
    if (outcome === 'adopted') {
      ctx.logger.warn({ number: bc.number, earlierRun: candidate.run_id }, 'a draft made after its run gave up is that invoice: its appointments are invoiced');
      report.adopted++;
    } else if (outcome !== 'taken' && (await removeLate(ctx, candidate, bc, outcome))) report.deleted++;
  }
  return report;
}
