import type { CreatedInvoice, RunResultInput } from './card-input';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { unbilledTabDeepLink } from './deep-link';
import { escapeText } from './escape-markdown';
import { safeLinkTarget } from './link-target';
import { type FittedCard, fitToLimit } from './fit-to-limit';
import { formatMoney, formatNumber } from './format';
import { type ListOptions, listLimits } from './list-options';
import { renderCard } from './render-card';
import type { TemplateData } from './template-data';

function invoiceNumber(invoice: CreatedInvoice): string {
  const label = escapeText(invoice.number, 40);
  const target = invoice.url === null ? undefined : safeLinkTarget(invoice.url);
  return target === undefined ? label : `[${label}](${target})`;
}

export function runResultData(input: RunResultInput, context: CardContext, rowsShown: number): TemplateData<'run-result'> {
  const text = CARD_TEXT[languageOf(context.locale)];
  const n = (value: number) => formatNumber(value, context.locale);
  const more = (total: number) => (total > rowsShown ? text.more(n(total - rowsShown)) : '');
  return {
    title: text.runResultTitle(n(input.created), n(input.planned), input.failed),
    facts: [
      { title: text.planned, value: n(input.planned) },
      { title: text.created, value: n(input.created) },
      { title: text.failed, value: n(input.failed) },
      ...(input.counts.invoices > 0 ? [{ title: text.countsTitle, value: text.counts(input.counts, n) }] : []),
    ],
    invoicesHeading: text.invoices,
    invoices: input.invoices.slice(0, rowsShown).map((inv) => ({
      number: invoiceNumber(inv),
      customer: escapeText(inv.customerName),
      amount: inv.amount ? formatMoney(inv.amount, context.locale) : text.noPrice,
    })),
    invoicesMore: more(input.invoices.length),
    failuresHeading: text.failures,
    failures: input.failures.slice(0, rowsShown).map((f) => ({ customer: escapeText(f.customerName), reason: escapeText(f.reason, 400) })),
    failuresMore: more(input.failures.length),
    canRetry: input.failures.length > 0 && input.state !== 'running' && input.state !== 'queued',
    retryTitle: text.retryFailed(n(input.failures.length)),
    runId: input.runId,
    openTitle: text.openTab,
    tabUrl: unbilledTabDeepLink(context.tab, {}, text.openTab),
  };
}

/** The card after a run: invoice numbers link into Business Central; failures can be retried. */
export function runResultCard(input: RunResultInput, context: CardContext, options: ListOptions = {}): FittedCard {
  const { maxRows, maxBytes } = listLimits(options, Math.max(input.invoices.length, input.failures.length));
  return fitToLimit((rows) => renderCard('run-result', runResultData(input, context, rows)), maxRows, maxBytes);
}
