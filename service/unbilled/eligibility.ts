import { PRICE_TYPES, type Appointment, type PriceType } from '../domain/appointment';
import { money, type Money } from '../domain/money';
import { priceAppointment, type PricedLine, type UnpricedReason } from '../domain/pricing';
import { feeAmount, feeFor, feeKindOf, type FeeKind, type FeeResult, type ServicePrice } from '../domain/fees';
import { noShowFeeSchema, type NoShowFee } from '../setup/setup-schema';

/**
 * Why an appointment cannot be invoiced now, in the order they are reported: the first one is the
 * row's `reason`. The SQL in eligibility-sql.ts checks the same conditions in the same order.
 */
export const REASONS = [
  'cancelled',
  'invoiced',
  'claimed',
  'excluded',
  'not-ended',
  'review',
  'no-customer',
  'customer-without-email',
  'customer-blocked',
  'invalid-price',
  'price-needed',
  'free',
  'service-not-linked',
  'fee-item-missing',
] as const;
export type Reason = (typeof REASONS)[number];

/**
 * What the list says about an appointment without blocking it: the last run over it failed for it
 * (it gave up, or Business Central refused the invoice), so invoicing it again is a retry.
 */
export const NOTES = ['last-attempt-failed'] as const;
export type Note = (typeof NOTES)[number];

/** The stored columns eligibility depends on (appointments LEFT JOIN service_links). */
export interface AppointmentFacts {
  state: string;
  /** ISO UTC text as stored. */
  startUtc: string;
  endUtc: string;
  /** A person marked it a no-show. */
  noShow: boolean;
  /** ISO UTC text: when it was first seen gone from Bookings. */
  cancelledSeenAt: string | null;
  serviceId: string | null;
  reviewReason: string | null;
  customerCount: number;
  /** A person linked the appointment itself to a Business Central customer (it has no attendee to link). */
  linkedCustomer: boolean;
  customersWithoutEmail: number;
  /** Attendees whose linked Business Central customer is blocked for invoicing. */
  customersBlocked: number;
  priceType: string;
  priceMinor: number | null;
  currency: string;
  durationMinutes: number;
  enteredPriceMinor: number | null;
  /** Null when the service has no link row or its link has no item. */
  bcItemId: string | null;
  bcItemUnitPriceMinor: number | null;
  bcItemCurrency: string | null;
}

export interface EligibilityOptions {
  now: Date;
  addZeroLinesForFree: boolean;
  /** The setup's no-show fee; absent, the defaults (no fee item, so no fee can be billed). */
  noShowFee?: NoShowFee;
}

const NO_FEE_SETUP = noShowFeeSchema.parse({});

export const feeSetupOf = (options: Pick<EligibilityOptions, 'noShowFee'>): NoShowFee => options.noShowFee ?? NO_FEE_SETUP;

/** What one attendee's invoice line would carry; null when the price is unknown or invalid. */
export interface LinePrice {
  unitPrice: Money;
  amount: Money;
}

type PriceReason = Extract<Reason, 'invalid-price' | 'price-needed' | 'free'>;

const isPriceType = (value: string): value is PriceType => (PRICE_TYPES as readonly string[]).includes(value);

// Bookings gave no usable price: a negative amount makes pricing call it invalid, as it would a negative price.
const NO_BOOKINGS_PRICE = -1;

/** The facts as the one-attendee appointment that pricing.ts prices (customer checks are done on the counts). */
function asAppointment(facts: AppointmentFacts, priceType: PriceType): Appointment {
  return {
    id: 'facts',
    businessId: '',
    start: new Date(0),
    end: new Date(0),
    durationMinutes: facts.durationMinutes,
    serviceId: '',
    serviceName: '',
    staffMemberIds: [],
    attendees: [{ customerId: 'facts', name: '', email: 'facts@example.invalid', timeZone: null }],
    price: money(facts.priceMinor ?? NO_BOOKINGS_PRICE, facts.currency),
    priceType,
    state: 'unbilled',
    reviewReason: null,
  };
}

function price(facts: AppointmentFacts, addZeroLinesForFree: boolean): PricedLine | UnpricedReason {
  if (!isPriceType(facts.priceType)) return 'invalid-price';
  const [result] = priceAppointment(asAppointment(facts, facts.priceType), {
    addZeroLinesForFree,
    linkedItemUnitPrice: facts.bcItemUnitPriceMinor === null ? null : money(facts.bcItemUnitPriceMinor, facts.bcItemCurrency ?? facts.currency),
    enteredPrice: facts.enteredPriceMinor === null ? null : money(facts.enteredPriceMinor, facts.currency),
  });
  if (result === undefined) return 'invalid-price';
  return result.kind === 'priced' ? result.line : result.unpriced.reason;
}

function priceReason(facts: AppointmentFacts, addZeroLinesForFree: boolean): PriceReason | null {
  const result = price(facts, addZeroLinesForFree);
  if (typeof result !== 'string') return null;
  switch (result) {
    case 'free':
    case 'price-needed':
    case 'invalid-price':
      return result;
    // The reason codes have no duration of their own: an hourly price over no time cannot be computed.
    case 'invalid-duration':
      return 'invalid-price';
    // Attendees were checked on the counts; the synthetic appointment always has one with an email.
    case 'no-customer':
    case 'customer-without-email':
      return null;
  }
}

/**
 * The line each attendee would get, whatever the free rule says (a free appointment shows 0);
 * null when there is no usable price.
 */
export function linePriceFor(facts: AppointmentFacts): LinePrice | null {
  const result = price(facts, true);
  return typeof result === 'string' ? null : { unitPrice: result.unitPrice, amount: result.amount };
}

/**
 * How many customers invoicing the appointment bills: its attendees, else the one Business Central
 * customer a person linked to it (an attendee, once there is one, wins over that link).
 */
export function billedCustomers(facts: Pick<AppointmentFacts, 'customerCount' | 'linkedCustomer'>): number {
  if (facts.customerCount > 0) return facts.customerCount;
  return facts.linkedCustomer ? 1 : 0;
}

/** The appointment's fee kind under the setup: null when it is billed as the service (or not at all). */
export function feeKindFor(facts: AppointmentFacts, options: Pick<EligibilityOptions, 'noShowFee'>): FeeKind | null {
  return feeKindOf(facts, feeSetupOf(options).lateCancellationHours);
}

function servicePrice(facts: AppointmentFacts): ServicePrice {
  const line = price(facts, true);
  if (typeof line !== 'string') return { kind: 'price', amount: line.amount };
  return { kind: 'none', reason: line === 'price-needed' ? 'price-needed' : 'invalid-price' };
}

/** The fee each attendee of a fee appointment is billed, or why it cannot be (fees.ts decides). */
export function feeOf(facts: AppointmentFacts, options: Omit<EligibilityOptions, 'now'>): FeeResult {
  return feeFor(feeSetupOf(options), {
    serviceId: facts.serviceId,
    currency: facts.currency,
    price: servicePrice(facts),
    addZeroLinesForFree: options.addZeroLinesForFree,
  });
}

/** One attendee's fee as the Unbilled list shows it (billable or not); null when not a fee or its amount is unknown. */
export function feeAmountFor(facts: AppointmentFacts, options: Pick<EligibilityOptions, 'noShowFee'>): Money | null {
  if (feeKindFor(facts, options) === null) return null;
  return feeAmount(feeSetupOf(options), { currency: facts.currency, price: servicePrice(facts) });
}

/** Every reason the appointment cannot be invoiced now, in REASONS order; empty when it can. */
export function reasonsFor(facts: AppointmentFacts, options: EligibilityOptions): Reason[] {
  const failed = new Set<Reason>();
  const fee = feeKindFor(facts, options);
  // A no-show or a late cancellation is billed as its fee: being cancelled does not hold it back.
  // Bookings cancelled it when it was seen missing (a released fee is unbilled again, still missing).
  if ((facts.state === 'cancelled' || facts.cancelledSeenAt !== null) && fee === null) failed.add('cancelled');
  if (facts.state === 'invoiced') failed.add('invoiced');
  if (facts.state === 'claimed') failed.add('claimed');
  if (facts.state === 'excluded') failed.add('excluded');
  // Compared as the stored ISO text, exactly as the database compares it.
  if (facts.endUtc > options.now.toISOString()) failed.add('not-ended');
  if (facts.reviewReason !== null) failed.add('review');
  if (billedCustomers(facts) <= 0) failed.add('no-customer');
  if (facts.customersWithoutEmail > 0) failed.add('customer-without-email');
  if (facts.customersBlocked > 0) failed.add('customer-blocked');
  if (fee === null) {
    const priced = priceReason(facts, options.addZeroLinesForFree);
    if (priced !== null) failed.add(priced);
    if (facts.bcItemId === null) failed.add('service-not-linked');
  } else {
    const billed = feeOf(facts, options);
    if (billed.kind === 'none') failed.add(billed.reason);
  }
  return REASONS.filter((reason) => failed.has(reason));
}

/** The row's note, which never blocks invoicing; eligibility-sql.ts computes the same. */
export function noteFor(facts: { lastAttemptFailed: boolean }): Note | null {
  return facts.lastAttemptFailed ? 'last-attempt-failed' : null;
}
