import { listInvoiceRunsRequestSchema } from '../../service/history';
import { fieldErrors } from '../../service/setup/validate';
import type { CliCommand } from '../cli-context';
import { EXIT, FieldErrorsFailure, UsageError } from '../cli-errors';
import { formatLocal, formatMoney, formatWho } from '../format';
import { intOption, parseOptions } from '../parse-options';
import { textTable } from '../text-table';
import { runStateText, skipReasonText } from '../../service/invoicing/run/skip-reason-text';
import { resultText } from './invoice-output';
import { runErrorWords } from '../../service/invoicing/run/run-error-words';

const listUsage = 'npm run cli -- runs [--source tab|bot|cli|schedule] [--limit n] [--offset n] [--json]';
const showUsage = 'npm run cli -- runs show ID [--json]';

export const runsCommand: CliCommand = {
  name: 'runs',
  summary: 'List invoice runs, newest first: who, when, from where, counts and totals',
  usage: listUsage,
  role: 'reader',
  async run(args, ctx) {
    const { values } = parseOptions(
      args,
      { source: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' }, json: { type: 'boolean' } },
      listUsage,
    );
    const request = listInvoiceRunsRequestSchema.safeParse({
      businessId: ctx.config.graph.businessId,
      source: values.source,
      offset: intOption(values.offset, 'offset', 0) ?? 0,
      limit: intOption(values.limit, 'limit', 1) ?? 20,
    });
    if (!request.success) throw new FieldErrorsFailure(fieldErrors(request.error.issues));
    const services = await ctx.services();
    const { businessId: _businessId, ...paged } = request.data;
    const page = await services.history.runs(paged);
    if (values.json) {
      ctx.io.out(`${JSON.stringify(page, null, 2)}\n`);
      return EXIT.ok;
    }
    const timeZone = (await services.currentSetup()).dailySummary.timeZone;
    const table = textTable(
      ['Started', 'Source', 'By', 'State', 'Invoices', 'Failed', 'Total', 'Run'],
      page.runs.map((r) => [
        formatLocal(r.createdAt, timeZone),
        r.source,
        formatWho(r.who),
        runStateText(r.state),
        String(r.counts.created),
        String(r.failures),
        r.totals.map(formatMoney).join(', '),
        r.id,
      ]),
      [16, 8, 24, 20, 8, 6, 18, 36],
    );
    ctx.io.out(`${page.runs.length > 0 ? table : 'No invoice runs.'}\n\nShowing ${page.runs.length} of ${page.total} (times in ${timeZone}).\n`);
    return EXIT.ok;
  },
};

export const runsShowCommand: CliCommand = {
  name: 'runs show',
  summary: 'Show one invoice run: its selection, invoices with numbers and links, failures and what it skipped',
  usage: showUsage,
  role: 'reader',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, showUsage, true);
    const [runId, extra] = positionals;
    if (runId === undefined || extra !== undefined) throw new UsageError(`Name one run. Usage: ${showUsage}`);
    const services = await ctx.services();
    const run = await services.history.run(runId);
    if (run === null) {
      ctx.io.err(`No invoice run ${JSON.stringify(runId)}: see \`npm run cli -- runs\`\n`);
      return EXIT.failed;
    }
    if (values.json) {
      ctx.io.out(`${JSON.stringify(run, null, 2)}\n`);
      return EXIT.ok;
    }
    const timeZone = (await services.currentSetup()).dailySummary.timeZone;
    const header = [
      `Run ${run.id}: ${runStateText(run.state)}${run.finished ? '' : ' (not finished)'}`,
      `Requested by ${formatWho(await services.history.who(run.requestedBy))} from ${run.source} at ${formatLocal(run.createdAt, timeZone)}${run.finishedAt ? `, finished ${formatLocal(run.finishedAt, timeZone)}` : ''} (${timeZone})`,
      `Selection: ${run.selection.kind === 'ids' ? `${run.selection.appointmentIds.length} appointment(s)` : JSON.stringify(run.selection)}`,
      ...(run.retryOf ? [`Retries run ${run.retryOf}`] : []),
      ...(run.error ? [`Error: ${runErrorWords(run.errorKind ?? run.error, 'en') ?? ''}`] : []),
      ...(run.skipped.length > 0
        ? [`Skipped: ${run.skipped.length} (${[...new Set(run.skipped.map((s) => skipReasonText(s.reason, 'en')))].join('; ')})`]
        : []),
      '',
    ];
    ctx.io.out(`${header.join('\n')}\n${resultText(run)}`);
    return EXIT.ok;
  },
};
