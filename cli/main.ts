import { boundHeapGrowth } from '../service/app/heap-growth';
import { runCli } from './run-cli';

/** `npm run cli -- <command>`: the process edge of runCli (arguments, streams, Ctrl-C, exit code). */
async function main(): Promise<void> {
  boundHeapGrowth();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const code = await runCli(process.argv.slice(2), {
    env: process.env,
    signal: controller.signal,
    io: {
      out: (text) => void process.stdout.write(text),
      err: (text) => void process.stderr.write(text),
      isTty: process.stdout.isTTY === true,
      columns: process.stdout.columns ?? 80,
    },
    logDestination: { write: (line) => void process.stderr.write(line) },
  });
  process.exitCode = code;
}

main().catch((err: unknown) => {
  const debug = /^(debug|trace)$/.test(process.env['LOG_LEVEL'] ?? '');
  process.stderr.write(`Error: ${debug && err instanceof Error ? err.stack : err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
