import type { Appointment, Attendee, PriceType } from './appointment';
import { money, type Money } from './money';
import type { FeeKind } from './fees';

/** Why an attendee of an appointment gets no invoice line. */
export type UnpricedReason = 'no-customer' | 'customer-without-email' | 'free' | 'price-needed' | 'invalid-price' | 'invalid-duration';

/** What a person should look at before the draft is posted. */
export type ReviewFlag = 'startingAt';

export type PriceSource = 'bookings' | 'item' | 'entered';

export interface PricingContext {
  /** Invoice free (and zero-priced) appointments as zero lines instead of leaving them out. */
  addZeroLinesForFree: boolean;
  /** Unit price of the Business Central item the service is linked to. */
  linkedItemUnitPrice: Money | null;
  /** Typed by a user for this appointment. */
  enteredPrice: Money | null;
  /** Bookings customer ids without an email that a person linked to a Business Central customer: invoiced through the link. */
  linkedWithoutEmail?: ReadonlySet<string>;
}

export interface PricedLine {
  appointmentId: string;
  start: Date;
  durationMinutes: number;
  serviceName: string;
  priceType: PriceType;
  customer: Attendee;
  /** As Business Central will store it: rounded to 5 decimals. */
  quantity: number;
  unitPrice: Money;
  /** What the customer owes for this line, in the Bookings price basis. */
  amount: Money;
  priceSource: PriceSource;
  review: ReviewFlag[];
  /** Billed as a no-show or late-cancellation fee (fees.ts) instead of the service; absent for the service. */
  feeKind?: FeeKind;
}

export interface UnpricedLine {
  appointmentId: string;
  /** null when the appointment has no attendee at all. */
  customer: Attendee | null;
  reason: UnpricedReason;
}

export type PricingResult = { kind: 'priced'; line: PricedLine } | { kind: 'unpriced'; unpriced: UnpricedLine };

/** Business Central keeps quantities with 5 decimals. */
export const QUANTITY_SCALE = 100_000n;

/** numerator / denominator rounded half away from zero (denominator > 0). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twiceRest = 2n * (numerator % denominator);
  if (twiceRest >= denominator) return quotient + 1n;
  if (-twiceRest >= denominator) return quotient - 1n;
  return quotient;
}

/** Hours of a duration as Business Central stores them: an integer count of 0.00001 h. */
export function quantityUnitsOfMinutes(durationMinutes: number): bigint {
  return divideRounded(durationSeconds(durationMinutes) * QUANTITY_SCALE, 3600n);
}

export function quantityFromUnits(units: bigint): number {
  return Number(units) / Number(QUANTITY_SCALE);
}

// Graph durations may carry seconds; whole seconds keep the arithmetic in integers.
function durationSeconds(durationMinutes: number): bigint {
  return BigInt(Math.round(durationMinutes * 60));
}

/** price × duration rounded half away from zero to the minor unit, computed in integers. */
export function hourlyAmount(price: Money, durationMinutes: number): Money {
  const minor = divideRounded(BigInt(price.minor) * durationSeconds(durationMinutes), 3600n);
  return money(Number(minor), price.currency);
}

type Price = { kind: 'price'; price: Money; source: PriceSource } | { kind: 'none'; reason: UnpricedReason };

function isValidPrice(price: Money): boolean {
  return Number.isSafeInteger(price.minor) && price.minor >= 0;
}

function bookingsPrice(appointment: Appointment): Price {
  return isValidPrice(appointment.price) ? { kind: 'price', price: appointment.price, source: 'bookings' } : { kind: 'none', reason: 'invalid-price' };
}

/** For price types where Bookings does not know the price: the linked item's, else the one a user typed. */
function neededPrice(context: PricingContext): Price {
  const item = context.linkedItemUnitPrice;
  if (item !== null && Number.isSafeInteger(item.minor) && item.minor > 0) return { kind: 'price', price: item, source: 'item' };
  const entered = context.enteredPrice;
  if (entered === null) return { kind: 'none', reason: 'price-needed' };
  return isValidPrice(entered) ? { kind: 'price', price: entered, source: 'entered' } : { kind: 'none', reason: 'invalid-price' };
}

interface LineTerms {
  quantity: number;
  unitPrice: Money;
  amount: Money;
  priceSource: PriceSource;
  review: ReviewFlag[];
}

function single(price: Price, review: ReviewFlag[] = []): LineTerms | UnpricedReason {
  if (price.kind === 'none') return price.reason;
  return { quantity: 1, unitPrice: price.price, amount: price.price, priceSource: price.source, review };
}

function hourly(appointment: Appointment): LineTerms | UnpricedReason {
  const price = bookingsPrice(appointment);
  if (price.kind === 'none') return price.reason;
  if (!Number.isFinite(appointment.durationMinutes) || appointment.durationMinutes <= 0) return 'invalid-duration';
  return {
    quantity: quantityFromUnits(quantityUnitsOfMinutes(appointment.durationMinutes)),
    unitPrice: price.price,
    amount: hourlyAmount(price.price, appointment.durationMinutes),
    priceSource: 'bookings',
    review: [],
  };
}

function termsOf(appointment: Appointment, context: PricingContext): LineTerms | UnpricedReason {
  switch (appointment.priceType) {
    case 'fixedPrice':
      return single(bookingsPrice(appointment));
    case 'hourly':
      return hourly(appointment);
    case 'startingAt':
      return single(bookingsPrice(appointment), ['startingAt']);
    case 'free':
      return 'free';
    case 'priceVaries':
    case 'callUs':
    case 'notSet':
    case 'undefined':
    case 'unknownFutureValue':
      return single(neededPrice(context));
  }
}

/** A zero amount is a free appointment whatever its price type says, so the free rule decides about it. */
function applyFreeRule(terms: LineTerms | UnpricedReason, appointment: Appointment, context: PricingContext): LineTerms | UnpricedReason {
  const isFree = terms === 'free' || (typeof terms === 'object' && terms.amount.minor === 0);
  if (!isFree) return terms;
  if (!context.addZeroLinesForFree) return 'free';
  if (typeof terms === 'object') return terms;
  const zero = money(0, appointment.price.currency);
  return { quantity: 1, unitPrice: zero, amount: zero, priceSource: 'bookings', review: [] };
}

/** One result per attending customer: group bookings invoice each attendee. */
export function priceAppointment(appointment: Appointment, context: PricingContext): PricingResult[] {
  const unpriced = (customer: Attendee | null, reason: UnpricedReason): PricingResult => ({
    kind: 'unpriced',
    unpriced: { appointmentId: appointment.id, customer, reason },
  });
  if (appointment.attendees.length === 0) return [unpriced(null, 'no-customer')];
  const terms = applyFreeRule(termsOf(appointment, context), appointment, context);
  return appointment.attendees.map((customer): PricingResult => {
    if (customer.email.trim() === '' && !context.linkedWithoutEmail?.has(customer.customerId)) return unpriced(customer, 'customer-without-email');
    if (typeof terms === 'string') return unpriced(customer, terms);
    return {
      kind: 'priced',
      line: {
        appointmentId: appointment.id,
        start: appointment.start,
        durationMinutes: appointment.durationMinutes,
        serviceName: appointment.serviceName,
        priceType: appointment.priceType,
        customer,
        ...terms,
        review: [...terms.review],
      },
    };
  });
}
