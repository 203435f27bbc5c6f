import { probePostgres, TEST_DATABASE_URL } from '../../service/store/testing/test-stores';
import { runChaos, summaryText, type ChaosOptions } from './run-chaos';

/*
 * The short chaos run of CI, held to zero failures: short trials (fewer actions, closer together;
 * the same kinds of work and faults as the long run), each with its own emulators, app processes and
 * database (a SQLite file, or a PostgreSQL database created on the test server as the store suites
 * do). CHAOS_TRIALS_POSTGRES / CHAOS_TRIALS_SQLITE set the counts, CHAOS_SEED the first seed; a
 * failure prints the command that replays its trial.
 */
const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
};
const seed = count('CHAOS_SEED', 2000);
/** A short trial takes 10-20 s on two idle cores; a machine shared with other work takes several times that. */
const PER_TRIAL_MS = 180_000;
const postgres = probePostgres(TEST_DATABASE_URL);
const isCi = process.env['CI'] === 'true';
if (!postgres.reachable && !isCi) {
  console.warn(`\n*** PostgreSQL at ${TEST_DATABASE_URL} is unreachable (${postgres.reason}): the chaos run's PostgreSQL trials are skipped. ***\n`);
}

const cases: Array<[string, ChaosOptions, boolean]> = [
  [
    'PostgreSQL with two app processes',
    // Trial databases are created and dropped through the test server's connection, as ownPostgresDatabase does.
    { trials: count('CHAOS_TRIALS_POSTGRES', 20), seed, store: 'postgres', processes: 2, postgresUrl: TEST_DATABASE_URL, short: true },
    postgres.reachable || isCi,
  ],
  [
    'SQLite with one app process',
    { trials: count('CHAOS_TRIALS_SQLITE', 10), seed: seed + 10_000, store: 'sqlite', processes: 1, postgresUrl: TEST_DATABASE_URL, short: true },
    true,
  ],
];

describe('chaos (short run)', () => {
  for (const [name, options, runnable] of cases) {
    (runnable && options.trials > 0 ? it : it.skip)(
      `keeps every invariant over ${options.trials} short trial(s) on ${name}`,
      async () => {
        if (options.store === 'postgres' && !postgres.reachable)
          throw new Error(`CI=true but PostgreSQL at ${TEST_DATABASE_URL} is unreachable: ${postgres.reason}`);
        const summary = await runChaos(options, (line) => process.stdout.write(`${line}\n`));
        process.stdout.write(`\n${summaryText(options, summary)}\n`);
        expect(summary.failures.map((f) => ({ seed: f.seed, error: f.error, violations: f.violations }))).toEqual([]);
        expect(summary.trials).toBe(options.trials);
        // Zero failures means something only if the trials did work: drafts were created and runs came from every face.
        expect(summary.work['Business Central invoices created'] ?? 0).toBeGreaterThan(0);
        for (const face of ['cli', 'tab', 'bot']) expect(summary.work[`invoice runs from the ${face}`] ?? 0).toBeGreaterThan(0);
      },
      options.trials * PER_TRIAL_MS + 60_000,
    );
  }
});
