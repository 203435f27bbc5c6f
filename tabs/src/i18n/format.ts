/** Intl formatting for the tab: money from minor units, instants in the business's time zone. */
import { formatMoney } from '../../../service/domain/money';

export interface Money {
  minor: number;
  currency: string;
}

export { formatMoney };

/** Several currencies are shown side by side rather than summed. */
export function formatTotals(amounts: readonly Money[], tag: string): string {
  if (amounts.length === 0) return formatNumber(0, tag);
  return amounts.map((a) => formatMoney(a, tag)).join(' + ');
}

export function sumMoney(amounts: Iterable<Money>): Money[] {
  const sums = new Map<string, number>();
  for (const a of amounts) sums.set(a.currency, (sums.get(a.currency) ?? 0) + a.minor);
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
}

/*
 * Constructing an Intl formatter costs far more than formatting with one, and a page of the grid
 * formats a dozen values a row: each formatter is made once per locale, zone and options.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) numberFormats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (format === undefined) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, options)));
  return format;
}

export function formatNumber(n: number, tag: string): string {
  return numberFormat(tag).format(n);
}

/** A whole percentage from 0-100: "40%" in English, "40 %" in Danish. */
export function formatPercent(percent: number, tag: string): string {
  return numberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

export function formatDateTime(instant: string | Date, tag: string, timeZone: string): string {
  return dateFormat(tag, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** A local day "2026-11-02", shown without shifting it through a time zone. */
export function formatDay(day: string, tag: string, style: 'short' | 'medium' = 'medium'): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return style === 'short'
    ? dateFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(date)
    : dateFormat(tag, { timeZone: 'UTC', dateStyle: 'medium' }).format(date);
}

export function formatDuration(minutes: number, tag: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = numberFormat(tag, { style: 'unit', unit: 'hour', unitDisplay: 'narrow' });
  const m = numberFormat(tag, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  if (hours === 0) return m.format(rest);
  return rest === 0 ? h.format(hours) : `${h.format(hours)} ${m.format(rest)}`;
}
