import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { bundledLauncher } from './processes';
import { CHAOS_SCRIPTS, runTrial, type TrialResult } from './trial';

export const chaosOptionsSchema = z.object({
  trials: z.coerce.number().int().min(1).max(100_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  store: z.enum(['sqlite', 'postgres']),
  processes: z.coerce.number().int().min(1).max(8),
  postgresUrl: z.string().min(1),
  /** Short trials (CI): fewer actions, closer together; the long run uses full ones. */
  short: z.boolean().optional(),
});
export type ChaosOptions = z.infer<typeof chaosOptionsSchema>;

export interface ChaosSummary {
  trials: number;
  faults: Record<string, number>;
  work: Record<string, number>;
  failures: TrialResult[];
  ms: number;
}

/** Trial i of a run started with seed S has seed S + i, so `--seed S+i --trials 1` replays it alone. */
export async function runChaos(o: ChaosOptions, report: (line: string) => void = () => undefined): Promise<ChaosSummary> {
  const started = Date.now();
  const faults: Record<string, number> = {};
  const work: Record<string, number> = {};
  const failures: TrialResult[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chaos-'));
  const bundles = await bundledLauncher(CHAOS_SCRIPTS);
  try {
    for (let i = 0; i < o.trials; i += 1) {
      const seed = o.seed + i;
      const result = await runTrial({
        seed,
        store: o.store,
        processes: o.processes,
        workDir: path.join(root, String(seed)),
        postgresUrl: o.postgresUrl,
        short: o.short ?? false,
        launch: bundles.launch,
      });
      for (const [kind, n] of Object.entries(result.faults)) faults[kind] = (faults[kind] ?? 0) + n;
      for (const [kind, n] of Object.entries(result.work)) work[kind] = (work[kind] ?? 0) + n;
      const failed = result.error !== undefined || result.violations.length > 0;
      if (failed) failures.push(result);
      else if (process.env['CHAOS_KEEP_LOGS'] === undefined) fs.rmSync(result.logDir, { recursive: true, force: true });
      const what =
        Object.entries(result.faults)
          .map(([k, n]) => (n > 1 ? `${k} ×${n}` : k))
          .join(', ') || 'no faults';
      report(
        `trial ${i + 1}/${o.trials} seed ${seed}: ${failed ? 'FAILED' : 'ok'} in ${(result.ms / 1000).toFixed(1)} s (${what})` +
          (result.error === undefined ? '' : `\n  error: ${result.error}`) +
          result.violations.map((v) => `\n  ${v.invariant}: ${v.detail}`).join('') +
          (failed ? `\n  logs: ${result.logDir}\n  replay: ${replay(o, seed)}` : ''),
      );
    }
  } finally {
    bundles.dispose();
  }
  if (failures.length === 0 && process.env['CHAOS_KEEP_LOGS'] === undefined) fs.rmSync(root, { recursive: true, force: true });
  return { trials: o.trials, faults, work, failures, ms: Date.now() - started };
}

const replay = (o: ChaosOptions, seed: number) =>
  `npm run chaos -- --trials 1 --seed ${seed} --store ${o.store} --processes ${o.processes}${o.short ? ' --short' : ''}`;

export function summaryText(o: ChaosOptions, s: ChaosSummary): string {
  const kinds = Object.entries(s.faults).sort(([a], [b]) => a.localeCompare(b));
  const total = kinds.reduce((n, [, k]) => n + k, 0);
  return [
    `Chaos: ${s.trials}${o.short ? ' short' : ''} trials on ${o.store} with ${o.processes} app process${o.processes === 1 ? '' : 'es'}, seeds ${o.seed}..${o.seed + s.trials - 1}, ${(s.ms / 60_000).toFixed(1)} min`,
    `Faults: ${total}`,
    ...kinds.map(([k, n]) => `  ${k}: ${n}`),
    'Work done:',
    ...Object.entries(s.work)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `  ${k}: ${n}`),
    `Failures: ${s.failures.length}`,
    ...s.failures.map((f) => `  seed ${f.seed}: ${f.error ?? f.violations.map((v) => v.invariant).join(', ')} (replay: ${replay(o, f.seed)})`),
  ].join('\n');
}

/** `npm run chaos -- --trials N --seed S [--store sqlite|postgres] [--processes 2] [--short]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      trials: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      store: { type: 'string', default: 'sqlite' },
      processes: { type: 'string', default: '1' },
      short: { type: 'boolean', default: false },
    },
  });
  const options = chaosOptionsSchema.parse({ ...values, postgresUrl: process.env['CHAOS_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  const summary = await runChaos(options, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`\n${summaryText(options, summary)}\n`);
  process.exitCode = summary.failures.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}
