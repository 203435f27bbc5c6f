import type { StatusInput } from './card-input';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { unbilledTabDeepLink } from './deep-link';
import { escapeText } from './escape-markdown';
import { formatDateTime, formatNumber } from './format';
import { type AdaptiveCardJson, renderCard } from './render-card';
import type { TemplateData } from './template-data';

export function statusData(input: StatusInput, context: CardContext): TemplateData<'status'> {
  const text = CARD_TEXT[languageOf(context.locale)];
  const n = (value: number) => formatNumber(value, context.locale);
  const time = (at: Date) => formatDateTime(at, context.locale, context.timeZone);
  return {
    title: text.statusTitle,
    facts: [
      { title: text.bookingsBusiness, value: escapeText(input.bookingsBusiness) },
      { title: text.businessCentralCompany, value: escapeText(input.businessCentralCompany) },
      {
        title: text.lastSync,
        value: input.lastSync ? `${time(input.lastSync.at)}: ${text.syncOutcome[input.lastSync.outcome]}` : text.never,
      },
      { title: text.waiting, value: n(input.unbilledCount) },
      { title: text.cannotInvoice, value: n(input.cannotInvoiceCount) },
      {
        title: text.lastRun,
        value: input.lastRun ? `${time(input.lastRun.at)}: ${text.runSummary(n(input.lastRun.created), n(input.lastRun.failed))}` : text.never,
      },
      { title: text.nextSummary, value: input.nextSummaryAt ? time(input.nextSummaryAt) : text.never },
    ],
    openTitle: text.openTab,
    tabUrl: unbilledTabDeepLink(context.tab, {}, text.openTab),
  };
}

export function statusCard(input: StatusInput, context: CardContext): AdaptiveCardJson {
  return renderCard('status', statusData(input, context));
}
