import type { CardPeriodName } from '../../service/conversations/card-period-names';
import type { SyncErrorKind } from '../../service/jobs/sync-error-words';

/**
 * What the card builders need, in the builders' own terms: the service's types are adapted to
 * these at the edge, so the cards do not depend on the store or the domain model.
 */

export interface CardMoney {
  /** Integer count of the currency's minor units (øre, cents). */
  minor: number;
  currency: string;
}

/** Local business days, inclusive, as YYYY-MM-DD; `key` is "firstDay..lastDay". */
export interface CardPeriod {
  firstDay: string;
  lastDay: string;
  key: string;
  label: string;
  /** How the command named it ('dates' for a range): a card drawn again names it in its reader's language. */
  name?: CardPeriodName;
}

export interface AppointmentRow {
  id: string;
  start: Date;
  durationMinutes: number;
  customerName: string;
  serviceName: string;
  staffName: string;
  price: CardMoney | null;
  /** Why it cannot be invoiced yet (human-readable, already in the card's language), or null. */
  reason: string | null;
  /** Said beside a ready row without blocking it (the last attempt failed), in the card's language. */
  note?: string | null;
  /** Marked as a no-show (the customer did not come). */
  noShow?: boolean;
  /** The one no-show rule lets it be marked now (ended, not cancelled, not claimed or invoiced, not marked). */
  canMarkNoShow?: boolean;
}

export type RunState = 'queued' | 'running' | 'completed' | 'failed';

export interface RunProgressInput {
  runId: string;
  state: RunState;
  planned: number;
  created: number;
  failed: number;
}

export interface CreatedInvoice {
  /** Business Central's invoice number ("S-INV103001"); drafts may not have a final one yet. */
  number: string;
  /** Link into Business Central, when known. */
  url: string | null;
  customerName: string;
  amount: CardMoney | null;
}

export interface FailedInvoice {
  customerName: string;
  reason: string;
}

/** Appointments and invoices counted apart (a group class invoices each attendee). */
export interface CardCounts {
  appointments: number;
  invoices: number;
  customers: number;
}

export interface RunResultInput extends RunProgressInput {
  invoices: readonly CreatedInvoice[];
  failures: readonly FailedInvoice[];
  /** What the run created, counted apart; shown when any invoice was created. */
  counts: CardCounts;
}

export type SyncOutcome = 'succeeded' | 'failed' | 'running';

export interface StatusInput {
  bookingsBusiness: string;
  businessCentralCompany: string;
  /** `errorKind` when it failed: the card says it in the sync-error words. */
  lastSync: { at: Date; outcome: SyncOutcome; errorKind?: SyncErrorKind | null } | null;
  unbilledCount: number;
  cannotInvoiceCount: number;
  lastRun: { at: Date; created: number; failed: number } | null;
  nextSummaryAt: Date | null;
}
