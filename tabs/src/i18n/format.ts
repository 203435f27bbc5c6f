/** Intl formatting for the tab: money from minor units, instants in the business's time zone. */
import { formatMoney } from '../../../service/domain/money';

export interface Money {
  minor: number;
  currency: string;
}

export { formatMoney };

/** Several currencies are shown side by side rather than summed. */
export function formatTotals(amounts: readonly Money[], tag: string): string {
  if (amounts.length === 0) return new Intl.NumberFormat(tag).format(0);
  return amounts.map((a) => formatMoney(a, tag)).join(' + ');
}

export function sumMoney(amounts: Iterable<Money>): Money[] {
  const sums = new Map<string, number>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.minor);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
}

export function formatNumber(n: number, tag: string): string {
  return new Intl.NumberFormat(tag).format(n);
}

/** A whole percentage from 0-100: "40%" in English, "40 %" in Danish. */
export function formatPercent(percent: number, tag: string): string {
  return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

export function formatDateTime(instant: string | Date, tag: string, timeZone: string): string {
  return new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** A local day "2026-11-02", shown without shifting it through a time zone. */
export function formatDay(day: string, tag: string, style: 'short' | 'medium' = 'medium'): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return style === 'short'
    ? new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(date)
    : new Intl.DateTimeFormat(tag, { timeZone: 'UTC', dateStyle: 'medium' }).format(date);
}

export function formatDuration(minutes: number, tag: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = new Intl.NumberFormat(tag, { style: 'unit', unit: 'hour', unitDisplay: 'narrow' });
  const m = new Intl.NumberFormat(tag, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  if (hours === 0) return m.format(rest);
  return rest === 0 ? h.format(hours) : `${h.format(hours)} ${m.format(rest)}`;
}
