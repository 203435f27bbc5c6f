import { formatDay, formatNumber, formatTotals, type Money } from '../i18n/format';

export interface DayBar {
  day: string;
  /** Height relative to the largest day, 0..1. */
  ratio: number;
  dayLabel: string;
  shortLabel: string;
  amountLabel: string;
  countLabel: string;
  showLabel: boolean;
}

const MAX_LABELS = 12;

/**
 * Bars scale by the day's amount in its main currency (a business has one); the label lists every
 * currency. Only about a dozen axis labels (`maxLabels`) are drawn, evenly spaced.
 */
export function dayBars(days: readonly { day: string; count: number; amounts: readonly Money[] }[], tag: string, maxLabels = MAX_LABELS): DayBar[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const main = sorted[0]?.amounts[0]?.currency;
  const value = (amounts: readonly Money[]) => amounts.find((a) => a.currency === main)?.minor ?? 0;
  const max = Math.max(1, ...sorted.map((d) => value(d.amounts)));
  const every = Math.max(1, Math.ceil(sorted.length / maxLabels));
  return sorted.map((d, i) => ({
    day: d.day,
    ratio: value(d.amounts) / max,
    dayLabel: formatDay(d.day, tag),
    shortLabel: formatDay(d.day, tag, 'short'),
    amountLabel: formatTotals(d.amounts, tag),
    countLabel: formatNumber(d.count, tag),
    showLabel: i % every === 0,
  }));
}
