/*
 * The bench's results as data (bench/results.json) and as the README's table: pure functions, tested
 * in report.test.ts. A figure is compared with a bound (what the emulator's limits allow at best) or a
 * baseline (the naive way, measured in the same run); its goal is on the figure itself or on the ratio.
 */

export type Comparison = '<' | '<=' | '>' | '>=';

export interface Goal {
  /** `value`: the figure itself (e.g. p95 < 30 ms); `ratio`: figure ÷ bound or baseline (e.g. <= 1.25). */
  on: 'value' | 'ratio';
  op: Comparison;
  limit: number;
}

export interface Reference {
  kind: 'bound' | 'baseline';
  /** What it is, e.g. "1,984 operations x 5 ms / 5 slots + 6 round trips x 25 ms". */
  label: string;
  value: number;
}

export interface Figure {
  scenario: string;
  name: string;
  value: number;
  unit: string;
  goal?: Goal;
  reference?: Reference;
  /** value ÷ reference.value. */
  ratio?: number;
  verdict: 'pass' | 'miss' | 'info';
  /** Where the goal is missed: by how much, in words. */
  missedBy?: string;
  notes?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  memoryGb: number;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  /** The emulator settings the figures were measured with. */
  settings: Record<string, number | string>;
  scenarios: string[];
  /** Scenarios that failed, with why: their figures are missing. */
  failures: string[];
  figures: Figure[];
}

/** The invoice run's bound: operations x service time / slots, plus the round trips that cannot overlap. */
export function invoiceRunBoundMs(p: { operations: number; serviceTimeMs: number; slots: number; roundTrips: number; latencyMs: number }): number {
  return (p.operations * p.serviceTimeMs) / p.slots + p.roundTrips * p.latencyMs;
}

/** The sync's paging bound: each page one round trip, `concurrent` pages at once per mailbox. */
export function pagingBoundMs(p: { pages: number; latencyMs: number; concurrent: number }): number {
  return (p.pages * p.latencyMs) / p.concurrent;
}

/** The nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const holds = (x: number, op: Comparison, limit: number): boolean => (op === '<' ? x < limit : op === '<=' ? x <= limit : op === '>' ? x > limit : x >= limit);

/** A figure with its ratio, verdict and, when missed, by how much. */
export function judge(f: Omit<Figure, 'ratio' | 'verdict' | 'missedBy'>): Figure {
  const ratio = f.reference && f.reference.value > 0 ? f.value / f.reference.value : undefined;
  if (f.goal === undefined) return { ...f, ...(ratio === undefined ? {} : { ratio }), verdict: 'info' };
  const measured = f.goal.on === 'value' ? f.value : ratio;
  if (measured === undefined) return { ...f, verdict: 'info' };
  if (holds(measured, f.goal.op, f.goal.limit)) return { ...f, ...(ratio === undefined ? {} : { ratio }), verdict: 'pass' };
  return { ...f, ...(ratio === undefined ? {} : { ratio }), verdict: 'miss', missedBy: missedBy(f.goal, measured, f.unit) };
}

function missedBy(goal: Goal, measured: number, unit: string): string {
  const factor = goal.op === '<' || goal.op === '<=' ? measured / goal.limit : goal.limit / measured;
  const times = `${formatNumber(factor, 2)}x`;
  if (goal.on === 'ratio') return `ratio ${formatNumber(measured, 2)} against ${goal.op} ${formatNumber(goal.limit, 2)}: ${times} off`;
  const gap = Math.abs(measured - goal.limit);
  return `${formatNumber(measured)} ${unit} against ${goal.op} ${formatNumber(goal.limit)} ${unit}: ${formatNumber(gap)} ${unit} (${times}) off`;
}

/** Thousands separators; `digits` decimals below 100, none above. */
export function formatNumber(n: number, digits = 1): string {
  const d = Math.abs(n) >= 100 ? 0 : digits;
  return n.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: d });
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function goalText(goal: Goal | undefined, unit: string): string {
  if (goal === undefined) return '';
  return goal.on === 'value' ? `${goal.op} ${formatNumber(goal.limit)} ${unit}` : `ratio ${goal.op} ${formatNumber(goal.limit, 2)}`;
}

/** The README's table: one line per figure, then the machine, then a line per missed goal. */
export function renderMarkdown(results: BenchResults): string {
  const lines = [
    '| scenario | figure | value | bound or baseline | ratio | goal | verdict |',
    '|---|---|---:|---|---:|---|---|',
    ...results.figures.map((f) =>
      [
        f.scenario,
        f.name,
        `${formatNumber(f.value)} ${f.unit}`,
        f.reference ? `${f.reference.kind} ${formatNumber(f.reference.value)} ${f.unit}: ${f.reference.label}` : '',
        f.ratio === undefined ? '' : formatNumber(f.ratio, 2),
        goalText(f.goal, f.unit),
        f.verdict,
      ]
        .map((c) => ` ${cell(c)} `)
        .join('|')
        .replace(/^/, '|')
        .concat('|'),
    ),
  ];
  const m = results.machine;
  const settings = Object.entries(results.settings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const misses = results.figures.filter((f) => f.verdict === 'miss');
  return [
    ...lines,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${formatNumber(m.memoryGb)} GB, Node ${m.node}, ${m.os}. Run ${results.startedAt} to ${results.finishedAt} (${results.scenarios.join(', ')}). Emulators: ${settings}.`,
    '',
    ...results.failures.map((f) => `- Failed: ${f}`),
    ...(misses.length === 0 ? ['Every goal met.'] : misses.map((f) => `- Missed: ${f.scenario}, ${f.name}: ${f.missedBy ?? ''}.`)),
    '',
  ].join('\n');
}

export const README_BEGIN = '<!-- bench:begin (written by npm run bench) -->';
export const README_END = '<!-- bench:end -->';

/** The README with the text between the markers replaced; throws when the markers are missing. */
export function replaceBetweenMarkers(readme: string, body: string): string {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${README_BEGIN} ... ${README_END} markers for the benchmark table`);
  return `${readme.slice(0, begin + README_BEGIN.length)}\n\n${body}\n${readme.slice(end)}`;
}
