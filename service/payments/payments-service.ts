import type { Kysely } from 'kysely';
import type { Clock } from '../domain/clock';
import { wallClockAt } from '../domain/zoned-time';
import type { Setup } from '../setup/setup-schema';
import type { Database } from '../store/database';
import { listPaymentCustomers } from './list-payment-customers';
import { listPayments } from './list-payments';
import type { ListPaymentCustomersRequest, ListPaymentsRequest, PaymentCustomerPage, PaymentItem, PaymentPage } from './payment-schemas';

/** Overdue invoices a card can name before it gets too long to read (and near the card size limit). */
export const OVERDUE_CARD_LIMIT = 50;

const pad = (n: number) => String(n).padStart(2, '0');

/** The business's local date at `now`, YYYY-MM-DD: invoices fall due by Business Central's calendar dates. */
export function businessToday(now: Date, timeZone: string): string {
  const wall = wallClockAt(now.getTime(), timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/**
 * Payment status in Teams, for every face: the business's invoices with what Business Central says
 * of their payment (as the last sync read it), a customer's invoices, and the overdue ones.
 */
export class PaymentsService {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      businessId: string;
      setup: () => Promise<Setup>;
      clock: Clock;
    },
  ) {}

  /** Today in the business's time zone (the daily summary's). */
  async today(): Promise<string> {
    return businessToday(this.deps.clock(), (await this.deps.setup()).dailySummary.timeZone);
  }

  async list(request: ListPaymentsRequest): Promise<PaymentPage> {
    return listPayments(this.deps.db, this.deps.businessId, request, await this.today());
  }

  /** The customer view: customers with their invoices' counts, what they owe and their oldest unpaid due date. */
  async customers(request: ListPaymentCustomersRequest): Promise<PaymentCustomerPage> {
    return listPaymentCustomers(this.deps.db, this.deps.businessId, request, await this.today());
  }

  /** The overdue invoices, oldest due date first, at most `limit`; with the count of all of them. */
  async overdue(limit = OVERDUE_CARD_LIMIT): Promise<{ items: PaymentItem[]; total: number; today: string; outstanding: PaymentPage['outstanding'] }> {
    const page = await this.list({ overdue: true, limit, offset: 0 });
    return { items: page.items, total: page.total, today: page.today, outstanding: page.outstanding };
  }
}
