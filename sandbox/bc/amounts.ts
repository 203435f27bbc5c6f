/**
 * Sales line arithmetic as Business Central does it, in scaled integers (never float sums):
 * quantities, unit prices and VAT percents keep 5 decimals, amounts are rounded to the cent,
 * half away from zero (AL's ROUND default).
 */
const FIVE = 100_000n;

export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** A JSON number to an integer scaled by 10^decimals, rounding the rest away. */
export function toScaled(value: number, decimals: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = value.toFixed(Math.min(20, decimals + 6));
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const digits = BigInt(whole + fraction);
  const scaled = roundDiv(digits, 10n ** BigInt(fraction.length - decimals));
  return negative ? -scaled : scaled;
}

export function fromScaled(value: bigint, decimals: number): number {
  return Number(value) / 10 ** decimals;
}

/** Quantity as BC stores it: 5 decimals. */
export function roundQuantity(quantity: number): number {
  return fromScaled(toScaled(quantity, 5), 5);
}

export function toCents(amount: number): bigint {
  return toScaled(amount, 2);
}

export function fromCents(cents: bigint): number {
  return fromScaled(cents, 2);
}

export interface LineAmountInput {
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  /** Used only when discountPercent is 0: BC derives one from the other. */
  discountAmount: number;
  taxPercent: number;
  pricesIncludeTax: boolean;
}

export interface LineAmounts {
  quantity: number;
  discountAmount: number;
  amountExcludingTax: number;
  totalTaxAmount: number;
  amountIncludingTax: number;
}

export interface LineAmountsCents {
  discount: bigint;
  excl: bigint;
  tax: bigint;
  incl: bigint;
}

export function computeLineCents(input: LineAmountInput): LineAmountsCents {
  const quantity = toScaled(input.quantity, 5);
  const unitPrice = toScaled(input.unitPrice, 5);
  const percent = toScaled(input.taxPercent, 5);
  const gross = roundDiv(quantity * unitPrice, 10n ** 8n);
  const discount = input.discountPercent !== 0 ? roundDiv(gross * toScaled(input.discountPercent, 5), 100n * FIVE) : toCents(input.discountAmount);
  const net = gross - discount;
  if (input.pricesIncludeTax) {
    // The unit price already holds VAT: the amount excluding VAT is derived from it.
    const excl = roundDiv(net * 100n * FIVE, 100n * FIVE + percent);
    return { discount, excl, tax: net - excl, incl: net };
  }
  const tax = roundDiv(net * percent, 100n * FIVE);
  return { discount, excl: net, tax, incl: net + tax };
}

export function computeLine(input: LineAmountInput): LineAmounts {
  const c = computeLineCents(input);
  return {
    quantity: roundQuantity(input.quantity),
    discountAmount: fromCents(c.discount),
    amountExcludingTax: fromCents(c.excl),
    totalTaxAmount: fromCents(c.tax),
    amountIncludingTax: fromCents(c.incl),
  };
}

export interface DocumentTotals {
  totalAmountExcludingTax: number;
  totalTaxAmount: number;
  totalAmountIncludingTax: number;
}

/** Document totals are sums of the lines' cents. */
export function sumTotals(lines: ReadonlyArray<{ amountExcludingTax: number; totalTaxAmount: number; amountIncludingTax: number }>): DocumentTotals {
  let excl = 0n;
  let tax = 0n;
  let incl = 0n;
  for (const line of lines) {
    excl += toCents(line.amountExcludingTax);
    tax += toCents(line.totalTaxAmount);
    incl += toCents(line.amountIncludingTax);
  }
  return { totalAmountExcludingTax: fromCents(excl), totalTaxAmount: fromCents(tax), totalAmountIncludingTax: fromCents(incl) };
}

/**
 * An item's unit price on a document whose "Prices Including VAT" differs from the item's:
 * BC converts it with the line's VAT percent, to the unit-amount precision (5 decimals).
 */
export function convertUnitPrice(unitPrice: number, taxPercent: number, fromIncludesTax: boolean, toIncludesTax: boolean): number {
  if (fromIncludesTax === toIncludesTax) return unitPrice;
  const price = toScaled(unitPrice, 5);
  const factor = 100n * FIVE + toScaled(taxPercent, 5);
  const converted = toIncludesTax ? roundDiv(price * factor, 100n * FIVE) : roundDiv(price * 100n * FIVE, factor);
  return fromScaled(converted, 5);
}

export interface VatLine {
  taxPercent: number;
  /** The line amount after discount in the document's price basis (including VAT when pricesIncludeTax). */
  netCents: bigint;
}

/**
 * VAT as Business Central's Sales Line "UpdateVATAmounts" spreads it: per VAT percent, over running
 * totals of the document's lines, so each line's VAT is the rounded VAT of the running total minus what
 * the lines before it got. The document's VAT is then the rounded VAT of its total, not a sum of
 * per-line roundings.
 */
export function distributeVat(lines: readonly VatLine[], pricesIncludeTax: boolean): Array<{ excl: bigint; tax: bigint; incl: bigint }> {
  const running = new Map<number, { net: bigint; excl: bigint }>();
  return lines.map((line) => {
    const percent = toScaled(line.taxPercent, 5);
    const before = running.get(line.taxPercent) ?? { net: 0n, excl: 0n };
    const net = before.net + line.netCents;
    const excl = pricesIncludeTax ? roundDiv(net * 100n * FIVE, 100n * FIVE + percent) : net;
    const taxTotal = pricesIncludeTax ? net - excl : roundDiv(net * percent, 100n * FIVE);
    const taxBefore = pricesIncludeTax ? before.net - before.excl : roundDiv(before.net * percent, 100n * FIVE);
    running.set(line.taxPercent, { net, excl });
    const tax = taxTotal - taxBefore;
    return pricesIncludeTax ? { excl: line.netCents - tax, tax, incl: line.netCents } : { excl: line.netCents, tax, incl: line.netCents + tax };
  });
}
