/** One line of the results table. */
export interface BenchResult {
  benchmark: string;
  /** A number, or a word such as "skipped" when the benchmark could not run here. */
  figure: number | string;
  unit: string;
  notes: string;
}

/** A benchmark file's export: a name for progress output and a run that returns its table rows. */
export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Runs `work` once and returns its result with the wall time it took. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Items per second, for a count done in `ms`. */
export const perSecond = (count: number, ms: number): number => (count * 1000) / ms;
