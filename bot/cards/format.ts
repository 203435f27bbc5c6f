import type { CardLocale } from './card-locale';
import type { CardMoney } from './card-input';

function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
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

export function formatMoney(amount: CardMoney, locale: CardLocale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: amount.currency }).format(decimalString(amount.minor, amount.currency));
}

/** Sums per currency in integers; a business normally has one, but nothing here assumes it. */
export function sumByCurrency(amounts: Iterable<CardMoney>): CardMoney[] {
  const sums = new Map<string, number>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.minor);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
}

export function formatTotals(amounts: readonly CardMoney[], locale: CardLocale): string {
  return amounts.length === 0 ? formatMoneyZero(locale) : amounts.map((a) => formatMoney(a, locale)).join(' + ');
}

function formatMoneyZero(locale: CardLocale): string {
  return new Intl.NumberFormat(locale).format(0);
}

export function formatDateTime(instant: Date, locale: CardLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

export function formatNumber(n: number, locale: CardLocale): string {
  return new Intl.NumberFormat(locale).format(n);
}
