import { probePostgres, TEST_DATABASE_URL } from '../../service/store/testing/test-stores';
import { runChaos, summaryText, type ChaosOptions } from './run-chaos';

/*
 * A short chaos run held to zero failures. Each trial starts its own emulators, database and app
 * processes, so a trial takes tens of seconds on a busy machine: the counts are small by default and
 * CI raises them (CHAOS_TRIALS_POSTGRES, CHAOS_TRIALS_SQLITE; CHAOS_SEED picks the first seed).
 */
const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};
const seed = count('CHAOS_SEED', 1);
const PER_TRIAL_MS = 240_000;
const postgresReachable = probePostgres(TEST_DATABASE_URL).reachable || process.env['CI'] === 'true';
const adminUrl = (() => {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = '/postgres';
  return url.toString();
})();

const cases: Array<[string, ChaosOptions, boolean]> = [
  ['PostgreSQL with two app processes', { trials: count('CHAOS_TRIALS_POSTGRES', 1), seed, store: 'postgres', processes: 2, postgresUrl: adminUrl }, postgresReachable],
  ['SQLite with one app process', { trials: count('CHAOS_TRIALS_SQLITE', 1), seed: seed + 10_000, store: 'sqlite', processes: 1, postgresUrl: adminUrl }, true],
];

describe('chaos', () => {
  for (const [name, options, runnable] of cases) {
    (runnable && options.trials > 0 ? it : it.skip)(
      `keeps every invariant over ${options.trials} trial(s) on ${name}`,
      async () => {
        const summary = await runChaos(options, (line) => process.stdout.write(`${line}\n`));
        process.stdout.write(`${summaryText(options, summary)}\n`);
        expect(summary.failures.map((f) => ({ seed: f.seed, error: f.error, violations: f.violations }))).toEqual([]);
        expect(summary.trials).toBe(options.trials);
      },
      options.trials * PER_TRIAL_MS + 60_000,
    );
  }
});
