import { syncErrorWords } from '../../service/jobs/sync-error-words';
import type { StatusInput } from './card-input';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { unbilledTabDeepLink } from './deep-link';
import { escapeText } from './escape-markdown';
import { formatDateTime, formatNumber } from './format';
import { type AdaptiveCardJson, renderCard } from './render-card';
import type { TemplateData } from './template-data';

function lastSyncText(lastSync: NonNullable<StatusInput['lastSync']>, context: CardContext, time: (at: Date) => string): string {
  const language = languageOf(context.locale);
  const outcome = `${time(lastSync.at)}: ${CARD_TEXT[language].syncOutcome[lastSync.outcome]}`;
  const words = lastSync.outcome === 'failed' ? syncErrorWords(lastSync.errorKind ?? 'unknown', language) : null;
  return words === null ? outcome : `${outcome}. ${escapeText(words, 400)}`;
}

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
        value: input.lastSync ? lastSyncText(input.lastSync, context, time) : text.never,
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
