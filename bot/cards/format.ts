import { formatMoney, totalsByCurrency } from '../../service/domain/money';

export { formatMoney };
/** Sums per currency in integers; a business normally has one, but nothing here assumes it. */
export const sumByCurrency = totalsByCurrency;
import type { CardLocale } from './card-locale';
import type { CardMoney } from './card-input';

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
