import { money, type Money } from './money';
import { divideRounded } from './pricing';
import type { NoShowFee } from '../setup/setup-schema';

/**
 * No-show and late-cancellation fees (issue 17.1): the one rule for which appointments are billed a
 * fee instead of the service, with which item and how much. eligibility-sql.ts says the same in SQL.
 */
export const FEE_KINDS = ['no-show', 'late-cancellation'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

/** The stored columns the fee kind depends on (ISO UTC text as stored). */
export interface FeeFacts {
  state: string;
  noShow: boolean;
  startUtc: string;
  endUtc: string;
  /**
   * When a sync (or a run's re-read) first found the appointment gone from Bookings; cleared when it
   * reappears, so it marks a cancellation in any state (a released fee goes back to unbilled).
   */
  cancelledSeenAt: string | null;
}

const MS_PER_HOUR = 3_600_000;

// Whole seconds, as the SQL compares them (strftime('%s') and extract(epoch) without the fraction).
const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * A cancellation is late when it was first seen missing within the window before the start, or
 * while the appointment was on (a sync runs every few minutes, so a cancellation just before the
 * start may be seen just after it). One seen after the end is a clean-up, not a cancellation.
 */
export function isLateCancellation(facts: Pick<FeeFacts, 'startUtc' | 'endUtc' | 'cancelledSeenAt'>, lateCancellationHours: number): boolean {
  if (facts.cancelledSeenAt === null || lateCancellationHours <= 0) return false;
  const seen = seconds(facts.cancelledSeenAt);
  return seen >= seconds(facts.startUtc) - (lateCancellationHours * MS_PER_HOUR) / 1000 && facts.cancelledSeenAt <= facts.endUtc;
}

/**
 * What the appointment is billed as, when not the service: a person marked it a no-show (even if
 * Bookings shows it cancelled since), or it was cancelled late. null: the service, or nothing.
 */
export function feeKindOf(facts: FeeFacts, lateCancellationHours: number): FeeKind | null {
  if (facts.noShow) return 'no-show';
  if (isLateCancellation(facts, lateCancellationHours)) return 'late-cancellation';
  return null;
}

/** The fee item of a service: its own when the setup names one, else the one fee item; null when neither. */
export function feeItemFor(fee: NoShowFee, serviceId: string | null): string | null {
  const own = serviceId === null ? undefined : fee.perService[serviceId];
  return own ?? fee.itemId;
}

/** Why a fee cannot be billed: the codes are eligibility reasons, with their words in reason-text.ts and the contract's words. */
export type FeeProblem = 'fee-item-missing' | 'price-needed' | 'invalid-price' | 'free';

/** The service's price for one attendee, as pricing gives it (the percent rule needs it). */
export type ServicePrice = { kind: 'price'; amount: Money } | { kind: 'none'; reason: 'price-needed' | 'invalid-price' };

export interface FeeInput {
  serviceId: string | null;
  /** The appointment's currency: a fixed fee is in it. */
  currency: string;
  price: ServicePrice;
  /** Invoice a zero fee as a zero line instead of leaving it out (the setup's free rule). */
  addZeroLinesForFree: boolean;
}

export type FeeResult = { kind: 'fee'; itemId: string; amount: Money } | { kind: 'none'; reason: FeeProblem };

/**
 * The fee one attendee is billed: the fee item, and the fixed amount or the percent of the
 * service's price rounded half away from zero to the minor unit.
 */
export function feeFor(fee: NoShowFee, input: FeeInput): FeeResult {
  const itemId = feeItemFor(fee, input.serviceId);
  if (itemId === null) return { kind: 'none', reason: 'fee-item-missing' };
  if (input.price.kind === 'none' && fee.rule.kind === 'percent') return { kind: 'none', reason: input.price.reason };
  const amount = feeAmount(fee, input);
  if (amount === null) return { kind: 'none', reason: 'invalid-price' };
  if (amount.minor === 0 && !input.addZeroLinesForFree) return { kind: 'none', reason: 'free' };
  return { kind: 'fee', itemId, amount };
}

/** The fee's amount whether or not it can be billed (the Unbilled list shows it); null for a percent of an unknown price. */
export function feeAmount(fee: NoShowFee, input: Pick<FeeInput, 'currency' | 'price'>): Money | null {
  if (fee.rule.kind === 'fixed') return money(fee.rule.amountMinor, input.currency);
  if (input.price.kind === 'none') return null;
  return money(Number(divideRounded(BigInt(input.price.amount.minor) * BigInt(fee.rule.percent), 100n)), input.price.amount.currency);
}
