import { listPaymentsRequestSchema, type PaymentState } from '../../service/payments';
import { fieldErrors } from '../../service/setup/validate';
import type { CliCommand } from '../cli-context';
import { EXIT, FieldErrorsFailure } from '../cli-errors';
import { formatMoney } from '../format';
import { intOption, parseOptions } from '../parse-options';
import { textTable } from '../text-table';

const usage = 'npm run cli -- payments [--overdue] [--customer EMAIL] [--limit n] [--offset n] [--json]';

const STATE_TEXT: Record<PaymentState, string> = { draft: 'draft', posted: 'posted', paid: 'paid', overdue: 'OVERDUE', canceled: 'canceled' };

export const paymentsCommand: CliCommand = {
  name: 'payments',
  summary: "The business's invoices with their Business Central status and what is still owed (as the last sync read them)",
  usage,
  role: 'reader',
  async run(args, ctx) {
    const { values } = parseOptions(
      args,
      { overdue: { type: 'boolean' }, customer: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    const request = listPaymentsRequestSchema.safeParse({
      overdue: values.overdue === true,
      customer: values.customer,
      offset: intOption(values.offset, 'offset', 0) ?? 0,
      limit: intOption(values.limit, 'limit', 1) ?? 50,
    });
    if (!request.success) throw new FieldErrorsFailure(fieldErrors(request.error.issues));
    const services = await ctx.services();
    const page = await services.payments.list(request.data);
    if (values.json) {
      ctx.io.out(`${JSON.stringify(page, null, 2)}\n`);
      return EXIT.ok;
    }
    const table = textTable(
      ['Number', 'Customer', 'Invoiced', 'Amount', 'Status', 'Remaining', 'Due'],
      page.items.map((i) => [
        i.number ?? '',
        i.customer.name || i.customer.email,
        i.invoiceDate ?? '',
        formatMoney(i.amount),
        STATE_TEXT[i.state],
        i.payment?.remaining ? formatMoney(i.payment.remaining) : '',
        i.payment?.dueDate ?? '',
      ]),
      [14, 30, 10, 14, 8, 14, 10],
    );
    const none = values.overdue ? 'No overdue invoices.' : 'No invoices yet.';
    const owed = page.outstanding.length > 0 ? ` Still owed: ${page.outstanding.map(formatMoney).join(', ')}.` : '';
    ctx.io.out(
      `${page.items.length > 0 ? table : none}\n\nShowing ${page.items.length} of ${page.total} (as of ${page.today}; statuses as the last sync read them).${owed}\n`,
    );
    return EXIT.ok;
  },
};
