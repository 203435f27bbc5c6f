import { z } from 'zod';
import type { RouteRequest, RouteResponse } from '../http/router';
import { fromCents, toCents } from './amounts';
import { BcError, applicationError, badRequest, errorResponse, invalidBody } from './errors';
import type { BcState } from './state';
import type { BcSalesInvoice } from './types';

/*
 * Payments in the emulator. Business Central learns of a payment when a cash receipt journal line
 * is applied to the posted invoice's customer ledger entry: `remainingAmount` drops and, once it is
 * zero, the invoice shows as Paid. The API has no endpoint for that, so the sandbox (and tests)
 * register payments through `/_emulator/salesInvoices/{id}/payment`, and move a posted invoice's due
 * date through `/_emulator/salesInvoices/{id}/dueDate` (as "Update Document" does in the client).
 */

/**
 * Called where totals are settled, which happens only on drafts and at posting (posted invoices are
 * read-only): until a payment comes in an invoice owes its whole total; a paid or canceled one nothing.
 */
export function remainingAfterTotals(invoice: BcSalesInvoice): void {
  invoice.remainingAmount = invoice.status === 'Paid' || invoice.status === 'Canceled' ? 0 : invoice.totalAmountIncludingTax;
}

/** A state file written before invoices had `remainingAmount`: derived from status and total. */
export function withRemainingAmount(invoice: BcSalesInvoice): void {
  if ((invoice.remainingAmount as number | undefined) === undefined) remainingAfterTotals(invoice);
}

/** Applies a payment of `amount` (the whole remaining amount when absent) to a posted invoice. */
export function registerPayment(state: BcState, invoice: BcSalesInvoice, amount: number | undefined, now: Date): void {
  if (invoice.status !== 'Open') throw applicationError('A payment can be applied to an open posted invoice only.');
  const remaining = toCents(invoice.remainingAmount);
  const paid = amount === undefined ? remaining : toCents(amount);
  if (paid <= 0n || paid > remaining) throw badRequest(`The payment must be more than 0 and at most ${fromCents(remaining)}.`);
  invoice.remainingAmount = fromCents(remaining - paid);
  if (remaining === paid) invoice.status = 'Paid';
  invoice.lastModifiedDateTime = now.toISOString();
  state.touch(invoice.id);
}

export function setDueDate(state: BcState, invoice: BcSalesInvoice, dueDate: string, now: Date): void {
  if (invoice.status === 'Canceled') throw applicationError('The due date of a canceled invoice cannot change.');
  invoice.dueDate = dueDate;
  invoice.lastModifiedDateTime = now.toISOString();
  state.touch(invoice.id);
}

const PAYMENT_PATH = /^\/_emulator\/salesInvoices\/([^/]+)\/(payment|dueDate)$/;
const paymentBody = z.strictObject({ amount: z.number().positive().optional() });
const dueDateBody = z.strictObject({ dueDate: z.iso.date() });

function findInvoice(state: BcState, id: string): BcSalesInvoice | undefined {
  const wanted = id.toLowerCase();
  for (const company of state.companyList()) {
    const found = company.salesInvoices.find((i) => i.id.toLowerCase() === wanted);
    if (found) return found;
  }
  return undefined;
}

/** `POST /_emulator/salesInvoices/{id}/payment` `{amount?}` and `POST …/dueDate` `{dueDate}`; undefined for other paths. */
export function handlePayments(state: BcState, now: () => Date, req: RouteRequest, correlationId: () => string): RouteResponse | undefined {
  const match = PAYMENT_PATH.exec(req.url.pathname);
  if (!match || req.method !== 'POST') return undefined;
  try {
    const invoice = findInvoice(state, decodeURIComponent(match[1]!));
    if (!invoice) throw new BcError(404, 'BadRequest_NotFound', 'No such sales invoice.');
    let body: unknown;
    try {
      body = req.body === '' ? {} : JSON.parse(req.body);
    } catch {
      throw invalidBody();
    }
    if (match[2] === 'payment') {
      const parsed = paymentBody.safeParse(body);
      if (!parsed.success) throw invalidBody();
      registerPayment(state, invoice, parsed.data.amount, now());
    } else {
      const parsed = dueDateBody.safeParse(body);
      if (!parsed.success) throw invalidBody();
      setDueDate(state, invoice, parsed.data.dueDate, now());
    }
    return {
      status: 200,
      body: { id: invoice.id, number: invoice.number, status: invoice.status, remainingAmount: invoice.remainingAmount, dueDate: invoice.dueDate },
    };
  } catch (error) {
    if (error instanceof BcError) return errorResponse(error, correlationId());
    throw error;
  }
}
