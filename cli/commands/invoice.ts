import { PeriodError, resolvePeriod } from '../../service/domain/periods';
import { MAX_SELECTED_IDS, type RunResult, type RunSummary, type Selection } from '../../service/invoicing/run/run-schemas';
import type { AfterCreate } from '../../service/setup/setup-schema';
import type { CliCommand, CommandContext } from '../cli-context';
import { EXIT, UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';
import { cliActor } from './cli-actor';
import { terminalConfirm, type Confirm } from './confirm';
import { countsText, previewText, resultText } from './invoice-output';
import { invoiceProgress } from './invoice-progress';

const usage =
  'npm run cli -- invoice --period yesterday|today|this-week|last-week|this-month|last-month|YYYY-MM-DD..YYYY-MM-DD [--customer EMAIL|NAME] [--dry-run] [--yes] [--post|--send]';

const options = {
  period: { type: 'string' },
  customer: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean' },
  post: { type: 'boolean' },
  send: { type: 'boolean' },
} as const;

/** What follows the drafts for this run: --post, --send, else the setup's choice. */
function afterCreateOf(values: { post?: boolean; send?: boolean }, fromSetup: AfterCreate): AfterCreate {
  if (values.post && values.send) throw new UsageError('Use either --post or --send, not both');
  return values.send ? 'send' : values.post ? 'post' : fromSetup;
}

const CONFIRM_WHAT: Record<AfterCreate, string> = {
  draft: 'Create draft invoices in Business Central',
  post: 'Create and POST invoices in Business Central (posting cannot be undone)',
  send: 'Create, POST and EMAIL invoices to the customers from Business Central (cannot be undone)',
};

const POLL_MS = 200;

async function follow(ctx: CommandContext, wait: Promise<RunResult>, read: () => Promise<RunSummary>): Promise<RunResult | 'interrupted'> {
  const progress = invoiceProgress(ctx.io);
  let settled = false;
  const done = wait.finally(() => {
    settled = true;
  });
  const aborted = new Promise<'interrupted'>((resolve) => ctx.signal.addEventListener('abort', () => resolve('interrupted'), { once: true }));
  try {
    while (!settled && !ctx.signal.aborted) {
      progress.update(await read());
      await Promise.race([done, aborted, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
    }
    const result = await Promise.race([done, aborted]);
    if (result !== 'interrupted') progress.update(result);
    return result;
  } finally {
    progress.end();
  }
}

/** `invoice --period ...`: preview, confirmation, the run with its progress, then each invoice's number. */
export function createInvoiceCommand(confirm: Confirm = terminalConfirm): CliCommand {
  return {
    name: 'invoice',
    summary: 'Preview and create draft invoices in Business Central for a period, or post (--post) or post and email them (--send) (asks first unless --yes)',
    usage,
    role: 'invoicer',
    async run(args, ctx) {
      const { values } = parseOptions(args, options, usage);
      if (values.period === undefined) throw new UsageError(`--period is required. Usage: ${usage}`);
      if (values['dry-run'] && values.yes) throw new UsageError('Use either --dry-run or --yes, not both');
      if (values.post && values.send) throw new UsageError('Use either --post or --send, not both');

      const services = await ctx.services();
      const setup = await services.currentSetup();
      const afterCreate = afterCreateOf(values, setup.afterCreate);
      const timeZone = setup.dailySummary.timeZone;
      let days;
      try {
        days = resolvePeriod(values.period, ctx.now(), timeZone);
      } catch (err) {
        if (err instanceof PeriodError) throw new UsageError(err.message);
        throw err;
      }
      const filter: Selection = { kind: 'filter', from: days.firstDay, to: days.lastDay, customer: values.customer?.trim() || undefined };
      const actor = cliActor();
      const span = days.firstDay === days.lastDay ? days.firstDay : `${days.firstDay}..${days.lastDay}`;

      const preview = await services.invoices.preview(filter, actor);
      ctx.io.out(`Period ${span} (${timeZone})${filter.customer ? `, customer "${filter.customer}"` : ''}\n\n`);
      ctx.io.out(previewText(preview, timeZone));
      if (preview.invoices.length === 0) {
        ctx.io.out('Nothing to invoice.\n');
        return EXIT.ok;
      }
      if (values['dry-run']) {
        ctx.io.out('Dry run: nothing was created.\n');
        return EXIT.ok;
      }
      if (setup.companyId === null) {
        ctx.io.err('No Business Central company chosen: run `npm run cli -- setup set companyId=<id>` (see `npm run cli -- connections`)\n');
        return EXIT.usage;
      }
      if (!values.yes) {
        const answer = await confirm(`${CONFIRM_WHAT[afterCreate]} (${countsText(preview.counts)})? [y/N] `, ctx.signal);
        if (answer === 'no-terminal') {
          ctx.io.err('Not creating invoices without confirmation: run on a terminal to be asked, or add --yes\n');
          return EXIT.usage;
        }
        if (!answer) {
          ctx.io.out('Nothing was created.\n');
          return EXIT.ok;
        }
      }

      // The run bills what was shown; appointments that changed since are answered per id.
      const ids = [...new Set(preview.invoices.flatMap((i) => i.appointmentIds))];
      const selection: Selection = ids.length <= MAX_SELECTED_IDS ? { kind: 'ids', appointmentIds: ids } : filter;
      const runId = await services.invoices.start(selection, actor, 'cli', { afterCreate });
      const result = await follow(ctx, services.invoices.wait(runId), () => services.invoices.getRunSummary(runId));
      if (result === 'interrupted') {
        ctx.io.err(
          `Interrupted: run ${runId} is unfinished. A running app continues it within a minute (else the app's next start); nothing is created twice.\n`,
        );
        return EXIT.interrupted;
      }
      if (!result.finished) {
        ctx.io.err(`Invoice run paused: ${result.error ?? ''} (run ${runId})\n`);
        return EXIT.failed;
      }
      ctx.io.out(resultText(result));
      return result.state === 'partial' || result.state === 'failed' ? EXIT.failed : EXIT.ok;
    },
  };
}

export const invoiceCommand = createInvoiceCommand();
