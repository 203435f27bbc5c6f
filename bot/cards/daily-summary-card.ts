import type { AppointmentRow, CardCounts, CardPeriod } from './card-input';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { appointmentSections } from './appointment-sections';
import { type FittedCard, fitToLimit } from './fit-to-limit';
import { type ListOptions, listLimits } from './list-options';
import { formatNumber } from './format';
import { renderCard } from './render-card';
import { shownInvoiceable } from './shown-invoiceable';
import type { TemplateData } from './template-data';

export interface DailySummaryInput {
  period: CardPeriod;
  appointments: readonly AppointmentRow[];
  /** Users whose Teams refreshes the card automatically (at most 60); empty: refresh on demand. */
  refreshUserIds?: readonly string[];
  /** The plan's counts (appointments → invoices), when known: the button says both. */
  counts?: CardCounts | null;
  /** Drawn in answer to a click that found other appointments than the card had shown: it says so. */
  changed?: boolean;
}

export function dailySummaryData(input: DailySummaryInput, context: CardContext, rowsShown: number): TemplateData<'daily-summary'> {
  const text = CARD_TEXT[languageOf(context.locale)];
  const sections = appointmentSections({ ...input, customer: null }, text.dailySummaryTitle(input.period.label), context, rowsShown);
  return {
    ...sections.data,
    periodKey: input.period.key,
    shown: shownInvoiceable(input.appointments),
    changedNote: input.changed === true ? text.changedSinceShown : '',
    canInvoice: sections.readyCount > 0,
    invoiceTitle:
      input.counts == null
        ? text.invoiceAll(formatNumber(sections.readyCount, context.locale))
        : text.invoiceAllCounts(input.counts, (v) => formatNumber(v, context.locale)),
    refreshUserIds: [...(input.refreshUserIds ?? [])],
  };
}

/** The morning card: Invoice all carries only the period key, never ids or amounts. */
export function dailySummaryCard(input: DailySummaryInput, context: CardContext, options: ListOptions = {}): FittedCard {
  const rowCount = appointmentSections({ ...input, customer: null }, '', context, 0).rowCount;
  const { maxRows, maxBytes } = listLimits(options, rowCount);
  return fitToLimit((n) => renderCard('daily-summary', dailySummaryData(input, context, n)), maxRows, maxBytes);
}
