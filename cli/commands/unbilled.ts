import { MAX_LIMIT, unbilledRequestSchema, type UnbilledRequestInput, type UnbilledResponse, type UnbilledRow } from '../../service/unbilled';
import { fieldErrors } from '../../service/setup/validate';
import { feeKindText, reasonText } from '../../service/unbilled/reason-text';
import type { CliCommand } from '../cli-context';
import { EXIT, FieldErrorsFailure } from '../cli-errors';
import { formatLocal, formatMoney } from '../format';
import { intOption, parseOptions } from '../parse-options';
import { shortId } from '../short-id';
import { textTable } from '../text-table';
import { resolveServiceId } from './resolve-service';

const usage =
  'npm run cli -- unbilled [--from 2026-11-01] [--to 2026-11-30] [--customer text] [--service name] [--staff id] ' +
  '[--state unbilled|invoiceable|not-invoiceable|all|<state>] [--search words] [--sort start|end|customer|service|price|duration|state] [--direction asc|desc] [--limit n] [--json]';

/** The table shows a screenful by default; JSON carries every matching row unless --limit says otherwise. */
const TABLE_LIMIT = 20;

const options = {
  from: { type: 'string' },
  to: { type: 'string' },
  customer: { type: 'string' },
  service: { type: 'string' },
  staff: { type: 'string' },
  state: { type: 'string' },
  search: { type: 'string' },
  sort: { type: 'string' },
  direction: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Every row up to `wanted`, read in pages of at most MAX_LIMIT (the query's own cap). */
async function readRows(query: (offset: number, limit: number) => Promise<UnbilledResponse>, wanted: number): Promise<UnbilledResponse> {
  const first = await query(0, Math.min(wanted, MAX_LIMIT));
  const rows: UnbilledRow[] = [...first.rows];
  const last = Math.min(wanted, first.total);
  while (rows.length < last) {
    const page = await query(rows.length, Math.min(last - rows.length, MAX_LIMIT));
    if (page.rows.length === 0) break;
    rows.push(...page.rows);
  }
  return { ...first, rows, offset: 0, limit: rows.length };
}

function customerText(row: UnbilledRow): string {
  const [first, ...rest] = row.customers;
  if (!first) return '(no customer)';
  return `${first.name || first.email || first.customerId}${rest.length > 0 ? ` +${rest.length}` : ''}`;
}

/** What holds the row back, in the words the cards use (a review says what changed). */
export function statusText(row: Pick<UnbilledRow, 'reason' | 'reasons' | 'reviewReason' | 'fee'>): string {
  if (row.reason === null) return row.fee === null ? 'Ready to invoice' : `Ready to invoice: ${feeKindText(row.fee.kind, 'en')}`;
  return row.reasons.map((reason) => (reason === 'review' && row.reviewReason ? row.reviewReason : reasonText(reason, 'en'))).join('; ');
}

export const unbilledCommand: CliCommand = {
  name: 'unbilled',
  summary: 'List unbilled appointments with the reason each cannot be invoiced yet, and the totals',
  usage,
  role: 'reader',
  async run(args, ctx) {
    const { values } = parseOptions(args, options, usage);
    const limit = intOption(values.limit, 'limit', 1) ?? (values.json ? Number.MAX_SAFE_INTEGER : TABLE_LIMIT);
    const services = await ctx.services();
    const businessId = services.businessId;
    const { setup } = await services.setupService.get(businessId);
    const input: UnbilledRequestInput = {
      businessId,
      from: values.from,
      to: values.to,
      customer: values.customer,
      serviceId: values.service === undefined ? undefined : await resolveServiceId(services.names, values.service),
      staffMemberId: values.staff,
      // Every unbilled appointment, with its reason: what the tab lists by default to work through.
      state: (values.state ?? 'unbilled') as UnbilledRequestInput['state'],
      search: values.search,
      sort: values.sort as UnbilledRequestInput['sort'],
      direction: values.direction as UnbilledRequestInput['direction'],
    };
    const checked = unbilledRequestSchema.safeParse(input);
    if (!checked.success) throw new FieldErrorsFailure(fieldErrors(checked.error.issues));

    const { businessId: _businessId, ...request } = input;
    const response = await readRows((offset, size) => services.unbilled.list({ ...request, offset, limit: size }), limit);
    if (values.json) {
      ctx.io.out(`${JSON.stringify(response, null, 2)}\n`);
      return EXIT.ok;
    }
    const timeZone = setup.dailySummary.timeZone;
    const table = textTable(
      ['Id', 'Start', 'Customer', 'Service', 'Amount', 'Status'],
      response.rows.map((row) => [
        shortId(row.id),
        formatLocal(row.start, timeZone),
        customerText(row),
        row.serviceName,
        formatMoney(row.amount ?? row.price),
        statusText(row),
      ]),
      [8, 16, 28, 28, 16, 40],
    );
    const amounts = response.totals.amounts.map(formatMoney).join(', ') || 'nothing';
    const lines = [
      response.rows.length > 0 ? table : 'No appointments match.',
      '',
      `Showing ${response.rows.length} of ${response.total} (${input.state}; times in ${timeZone}).`,
      `Invoiceable now: ${response.totals.count} appointment${response.totals.count === 1 ? '' : 's'}, ${amounts}.`,
    ];
    ctx.io.out(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
