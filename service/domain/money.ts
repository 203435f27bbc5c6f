/**
 * Money is an integer count of the currency's minor units with its ISO 4217 code: never a float sum.
 * Conversions to and from the decimal numbers the APIs speak happen only here.
 */
export interface Money {
  minor: number;
  currency: string;
}

// Constructing an Intl.NumberFormat costs tens of microseconds, and every conversion asks: at 100,000
// appointments that was seconds of a sync's CPU. The codes are few; the bound only guards odd input.
const DIGITS_CACHE_LIMIT = 256;
const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits of a currency (DKK 2, JPY 0, KWD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  const cached = digitsByCurrency.get(currency);
  if (cached !== undefined) return cached;
  // Throws RangeError for a code that is not one, before anything is cached.
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (digitsByCurrency.size >= DIGITS_CACHE_LIMIT) digitsByCurrency.clear();
  digitsByCurrency.set(currency, digits);
  return digits;
}

/**
 * A decimal amount (as JSON numbers carry it: 495.5, 0.1 + 0.2 style noise included) in minor units,
 * rounded half away from zero at the currency's precision.
 */
export function toMinor(amount: number, currency: string): number {
  if (!Number.isFinite(amount)) throw new RangeError(`not a finite amount: ${amount}`);
  const digits = minorDigits(currency);
  // Going through the shortest decimal string avoids binary noise (1.005 * 100 = 100.49999...).
  const [intPart, fracPart = ''] = Math.abs(amount)
    .toFixed(digits + 3)
    .split('.');
  const scaled = Number(intPart) * 10 ** digits + Number(fracPart.slice(0, digits) || '0');
  const rest = Number(fracPart.slice(digits, digits + 1) || '0');
  const minor = scaled + (rest >= 5 ? 1 : 0);
  return amount < 0 ? -minor : minor;
}

/** Minor units back to the decimal number an API expects (exact for any realistic amount). */
export function fromMinor(minor: number, currency: string): number {
  const digits = minorDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

export function money(minor: number, currency: string): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minor units must be a safe integer: ${minor}`);
  return { minor, currency };
}

/** Sums amounts per currency; an empty input is an empty list. */
export function totalsByCurrency(amounts: Iterable<Money>): Money[] {
  const sums = new Map<string, number>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.minor);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => money(minor, currency));
}

/** Minor units as an exact decimal string, so formatting never goes through a float. */
function decimalString(minor: number, currency: string): Intl.StringNumericLiteral {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return `${sign}${whole}${digits > 0 ? `.${fraction}` : ''}` as Intl.StringNumericLiteral;
}

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** An amount for people, in a locale's currency format (da-DK: "1.234,50 kr."). */
export function formatMoney(amount: Money, locale: string): string {
  // One formatter per locale and currency, kept as minorDigits keeps its digits: a page of the tab's
  // grid formats each row's amounts, a CSV export each line's.
  const key = `${locale}|${amount.currency}`;
  let format = currencyFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency });
    if (currencyFormats.size >= DIGITS_CACHE_LIMIT) currencyFormats.clear();
    currencyFormats.set(key, format);
  }
  return format.format(decimalString(amount.minor, amount.currency));
}
