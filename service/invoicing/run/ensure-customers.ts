import { ensureBcCustomers, SKIP_REASONS, type CustomerToEnsure } from '../../sync/customers';
import { readCustomerLinks } from '../../sync/customers/customer-links';
import { appointmentOfCustomerId, isLinkedKey } from '../grouping';
import { toIsoUtc } from '../../store/columns';
import type { RunContext } from './run-context';
import { failInvoices } from './settle';
import { CASE_ROWS_PER_STATEMENT, caseById, slices } from './bulk-update';
import { STORED_INVOICE_ERRORS } from './invoice-error-words';

/**
 * Ensure customers: every planned invoice gets its Business Central customer (the linked one, the
 * one with the email, else a new one from the customer template) before anything is created. An
 * invoice whose customer cannot be ensured fails alone: no invoice is ever created without one.
 */
export async function ensureCustomers(ctx: RunContext): Promise<void> {
  const invoices = await ctx.db
    .selectFrom('invoices')
    .select(['id', 'customer_email', 'customer_name'])
    .where('run_id', '=', ctx.runId)
    .where('status', '=', 'planned')
    .where('bc_customer_id', 'is', null)
    .execute();
  if (invoices.length === 0) return;
  const lines = await ctx.db
    .selectFrom('invoice_lines')
    .select(['invoice_id', 'bookings_customer_id', 'customer_email', 'customer_name'])
    .where('run_id', '=', ctx.runId)
    .where('state', '=', 'planned')
    .execute();
  const wanted = new Set(invoices.map((i) => i.id));
  // One entry per attendee: ensureBcCustomers writes one link row per Bookings customer id it is given.
  const unique = new Map<string, CustomerToEnsure>();
  const linkedByHand = new Map<string, string>();
  for (const l of lines) {
    if (!wanted.has(l.invoice_id)) continue;
    if (isLinkedKey(l.customer_email)) {
      linkedByHand.set(l.customer_email, l.bookings_customer_id);
      continue;
    }
    unique.set(`${l.customer_email}|${l.bookings_customer_id}`, {
      name: l.customer_name,
      email: l.customer_email,
      ...(l.bookings_customer_id === '' ? {} : { bookingsCustomerId: l.bookings_customer_id }),
    });
  }
  const customers = [...unique.values()];
  const ensured = await ensureBcCustomers(
    { db: ctx.db, bc: ctx.bc, businessId: ctx.businessId, setup: ctx.setup, logger: ctx.logger, clock: ctx.now },
    customers,
  );

  // No email to find or make a customer by: the link a person made is the customer (a deleted one fails at Business Central, alone).
  const links = await readCustomerLinks(ctx.db, ctx.businessId, [...linkedByHand.values()]);
  const onAppointments = await appointmentLinks(ctx, [...linkedByHand.values()]);
  for (const [key, bookingsCustomerId] of linkedByHand) {
    const link = links.get(bookingsCustomerId) ?? onAppointments.get(bookingsCustomerId);
    ensured.set(
      key,
      link?.bc_customer_id && link.bc_customer_number !== null
        ? { bcCustomerId: link.bc_customer_id, bcCustomerNumber: link.bc_customer_number }
        : { error: SKIP_REASONS.noEmail },
    );
  }

  const failures: { invoiceId: string; error: string }[] = [];
  const now = toIsoUtc(ctx.now());
  const customerOf: Array<{ id: string; bcCustomerId: string; bcCustomerNumber: string }> = [];
  for (const invoice of invoices) {
    const outcome = ensured.get((invoice.customer_email ?? '').trim().toLowerCase());
    if (outcome === undefined || 'error' in outcome) {
      failures.push({ invoiceId: invoice.id, error: `${STORED_INVOICE_ERRORS.noCustomerPrefix}: ${outcome?.error ?? 'not ensured'}` });
      continue;
    }
    customerOf.push({ id: invoice.id, ...outcome });
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (const part of slices(customerOf, CASE_ROWS_PER_STATEMENT)) {
      await trx
        .updateTable('invoices')
        .set({
          bc_customer_id: caseById(
            part,
            (c) => c.id,
            (c) => c.bcCustomerId,
          ),
          bc_customer_number: caseById(
            part,
            (c) => c.id,
            (c) => c.bcCustomerNumber,
          ),
          updated_at: now,
        })
        .where(
          'id',
          'in',
          part.map((c) => c.id),
        )
        .execute();
    }
  });
  await failInvoices(ctx, failures);
}

/** The customers people linked to appointments without attendees, by their stand-in's Bookings customer id. */
async function appointmentLinks(
  ctx: RunContext,
  customerIds: readonly string[],
): Promise<Map<string, { bc_customer_id: string | null; bc_customer_number: string | null }>> {
  const byAppointment = new Map<string, string>();
  for (const customerId of customerIds) {
    const appointmentId = appointmentOfCustomerId(customerId);
    if (appointmentId !== null) byAppointment.set(appointmentId, customerId);
  }
  const out = new Map<string, { bc_customer_id: string | null; bc_customer_number: string | null }>();
  const ids = [...byAppointment.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('appointments')
      .select(['id', 'linked_bc_customer_id', 'linked_bc_customer_number'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows)
      out.set(byAppointment.get(row.id)!, { bc_customer_id: row.linked_bc_customer_id, bc_customer_number: row.linked_bc_customer_number });
  }
  return out;
}
