import type { SyncRun } from '../../service/jobs/sync-run-store';
import type { CliCommand } from '../cli-context';
import { EXIT } from '../cli-errors';
import { parseOptions } from '../parse-options';
import { barDisplay, lineDisplay } from '../progress-display';

const usage = 'npm run cli -- sync';

function summary(run: SyncRun): string {
  const c = run.counts;
  return `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.removed} removed, ${c.rejected} rejected`;
}

/** Requests a sync (or joins the one running, also in another process) and waits for its end. */
export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Sync services, customers and appointments from Bookings now and wait for the result',
  usage,
  role: 'invoicer',
  async run(args, ctx) {
    parseOptions(args, {}, usage);
    // The façade's runner: the same phases and the same clock as the app's.
    const runner = (await ctx.services()).sync;
    const display = ctx.io.isTty ? barDisplay(ctx.io) : lineDisplay(ctx.io);
    try {
      const id = await runner.requestSync(ctx.config.graph.businessId, { requestedBy: 'cli', source: 'cli' });
      const run = await runner.waitFor(id, { onUpdate: (r) => display.update(r), signal: ctx.signal });
      display.end();
      if (run.state === 'succeeded') {
        ctx.io.out(`Sync succeeded: ${summary(run)} (run ${run.id})\n`);
        return EXIT.ok;
      }
      ctx.io.err(`Sync ${run.state}: ${run.error ?? 'it resumes with the next sync'} (run ${run.id})\n`);
      return EXIT.failed;
    } catch (err) {
      display.end();
      if (!ctx.signal.aborted) throw err;
      ctx.io.err('Sync interrupted: it resumes with the next sync\n');
      return EXIT.interrupted;
    } finally {
      // A run this process started stops between batches and stays resumable.
      await runner.stop();
    }
  },
};
