/**
 * Number series as in the Cronus demo company: customers C00010, C00020, ... (increment 10),
 * items 1000, 1001, ..., unposted sales invoices 102001, ... (series S-INV) and posted sales
 * invoices 103001, ... (series S-INV+). A series continues after the highest number of its shape
 * already in the data.
 */
export interface SeriesDefinition {
  pattern: RegExp;
  first: string;
  increment: number;
}

export const seriesDefinitions = {
  customer: { pattern: /^C\d{5}$/, first: 'C00010', increment: 10 },
  item: { pattern: /^\d{4}$/, first: '1000', increment: 1 },
  draftInvoice: { pattern: /^102\d{3}$/, first: '102001', increment: 1 },
  postedInvoice: { pattern: /^103\d{3}$/, first: '103001', increment: 1 },
} satisfies Record<string, SeriesDefinition>;

export type SeriesName = keyof typeof seriesDefinitions;

/** AL's INCSTR by a step: the last run of digits grows, keeping its width where it fits. */
export function incrementNumber(value: string, step: number): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(value);
  if (!m) return `${value}${step}`;
  const [, prefix = '', digits = '', suffix = ''] = m;
  const next = String(BigInt(digits) + BigInt(step)).padStart(digits.length, '0');
  return `${prefix}${next}${suffix}`;
}

/** A series' next number given every number in use (which it never repeats). */
/** Which numbers are taken: asked once or twice per insert, so a scan beats building a Set of every number. */
export interface NumbersInUse {
  has(number: string): boolean;
}

/** The numbers of `records`, looked up by scanning (a company holds tens of thousands of invoices in the bench). */
export const numbersOf = (records: readonly { number: string }[]): NumbersInUse => ({ has: (number) => records.some((r) => r.number === number) });

export function nextInSeries(series: SeriesDefinition, inUse: NumbersInUse, lastUsed: string | undefined): string {
  let candidate = lastUsed === undefined ? series.first : incrementNumber(lastUsed, series.increment);
  while (inUse.has(candidate)) candidate = incrementNumber(candidate, series.increment);
  return candidate;
}

/** The highest number of a series' shape among existing ones (compared numerically). */
export function lastUsedIn(series: SeriesDefinition, numbers: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const n of numbers) {
    if (!series.pattern.test(n)) continue;
    if (best === undefined || BigInt(n.replace(/\D/g, '')) > BigInt(best.replace(/\D/g, ''))) best = n;
  }
  return best;
}
