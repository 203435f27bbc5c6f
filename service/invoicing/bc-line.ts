import { fromMinor, money, toMinor, type Money } from '../domain/money';
import { divideRounded, QUANTITY_SCALE, type PricedLine } from '../domain/pricing';

/** The price basis of the Bookings prices and of the Business Central customer's invoices. */
export interface BcTarget {
  /** Follows the Business Central customer (read-only on the invoice). */
  pricesIncludeTax: boolean;
  vatPercent: number;
  bookingsPricesIncludeVat: boolean;
}

export interface BcLine {
  /** Decimal numbers as sent to Business Central. */
  quantity: number;
  unitPrice: number;
  /** round(quantity × unitPrice) as Business Central computes it, in the invoice's price basis. */
  lineAmount: Money;
  /**
   * 'quantity-one' when quantity × unit price cannot reproduce the amount: the line is sent as 1 × amount,
   * so its description should carry the duration instead.
   */
  fallback: 'quantity-one' | null;
}

export interface BcTotals {
  excludingTax: Money;
  tax: Money;
  includingTax: Money;
  /** Business Central's total in the Bookings price basis minus what the lines say the customer owes. */
  difference: Money;
}

/** 1 + vat% as an exact fraction, so conversions stay in integers. */
interface VatFactor {
  numerator: bigint;
  denominator: bigint;
}

const VAT_SCALE = 1_000_000;

function vatFactor(vatPercent: number): VatFactor {
  const scaled = Math.round(vatPercent * VAT_SCALE);
  if (!Number.isFinite(vatPercent) || vatPercent < 0 || vatPercent >= 1000 || Math.abs(scaled / VAT_SCALE - vatPercent) > 1e-9) {
    throw new RangeError(`not a usable VAT percent: ${vatPercent}`);
  }
  const denominator = BigInt(100 * VAT_SCALE);
  return { numerator: denominator + BigInt(scaled), denominator };
}

/** An amount including VAT of an amount excluding it, rounded to the minor unit. */
function addVat(excluding: bigint, factor: VatFactor): bigint {
  return divideRounded(excluding * factor.numerator, factor.denominator);
}

function removeVat(including: bigint, factor: VatFactor): bigint {
  return divideRounded(including * factor.denominator, factor.numerator);
}

/**
 * The line amount Business Central must compute, in the invoice's basis, for our amount to come out.
 * Going from VAT-inclusive to VAT-exclusive not every amount is reachable (25% VAT: no net amount gives
 * a gross ending in 2 or 7 cents); then the nearest net amount is taken and the verify step reports the cent.
 */
function targetLineAmount(amount: bigint, target: BcTarget, factor: VatFactor): bigint {
  if (target.bookingsPricesIncludeVat === target.pricesIncludeTax) return amount;
  if (!target.bookingsPricesIncludeVat) return addVat(amount, factor);
  const nearest = removeVat(amount, factor);
  const miss = (net: bigint): bigint => {
    const d = addVat(net, factor) - amount;
    return d < 0n ? -d : d;
  };
  return [nearest, nearest - 1n, nearest + 1n].reduce((best, net) => (net >= 0n && miss(net) < miss(best) ? net : best));
}

function unitPriceInBasis(unitPrice: bigint, target: BcTarget, factor: VatFactor): bigint {
  if (target.bookingsPricesIncludeVat === target.pricesIncludeTax) return unitPrice;
  return target.bookingsPricesIncludeVat ? removeVat(unitPrice, factor) : addVat(unitPrice, factor);
}

function quantityUnits(quantity: number): bigint {
  return BigInt(Math.round(quantity * Number(QUANTITY_SCALE)));
}

/** Business Central's line amount: quantity (5 decimals) × unit price, rounded to the minor unit. */
function bcLineAmount(quantity: number, unitPrice: number, currency: string): bigint {
  return divideRounded(quantityUnits(quantity) * BigInt(toMinor(unitPrice, currency)), QUANTITY_SCALE);
}

/** Quantity and unit price such that Business Central's own rounding and VAT give back our amount. */
export function toBcLine(line: PricedLine, target: BcTarget): BcLine {
  const factor = vatFactor(target.vatPercent);
  const currency = line.amount.currency;
  const lineTarget = targetLineAmount(BigInt(line.amount.minor), target, factor);
  const quantityOne = (fallback: BcLine['fallback']): BcLine => ({
    quantity: 1,
    unitPrice: fromMinor(Number(lineTarget), currency),
    lineAmount: money(Number(lineTarget), currency),
    fallback,
  });
  if (line.quantity === 1) return quantityOne(null);
  const unitPrice = fromMinor(Number(unitPriceInBasis(BigInt(line.unitPrice.minor), target, factor)), currency);
  if (bcLineAmount(line.quantity, unitPrice, currency) !== lineTarget) return quantityOne('quantity-one');
  return { quantity: line.quantity, unitPrice, lineAmount: money(Number(lineTarget), currency), fallback: null };
}

/**
 * The totals Business Central should show for an invoice of these lines: it rounds each line, then
 * computes VAT once on the sum (one VAT rate per invoice here).
 */
export function expectedBcTotals(lines: readonly PricedLine[], target: BcTarget): BcTotals {
  const first = lines[0];
  if (first === undefined) throw new RangeError('an invoice needs at least one line');
  const currency = first.amount.currency;
  const factor = vatFactor(target.vatPercent);
  let lineSum = 0n;
  let owed = 0n;
  for (const line of lines) {
    if (line.amount.currency !== currency) throw new RangeError(`one invoice, one currency: ${currency} and ${line.amount.currency}`);
    const bc = toBcLine(line, target);
    lineSum += bcLineAmount(bc.quantity, bc.unitPrice, currency);
    owed += BigInt(line.amount.minor);
  }
  const excluding = target.pricesIncludeTax ? removeVat(lineSum, factor) : lineSum;
  const including = target.pricesIncludeTax ? lineSum : addVat(lineSum, factor);
  const inBookingsBasis = target.bookingsPricesIncludeVat ? including : excluding;
  const m = (minor: bigint): Money => money(Number(minor), currency);
  return { excludingTax: m(excluding), tax: m(including - excluding), includingTax: m(including), difference: m(inBookingsBasis - owed) };
}
