import type { AppointmentRow, CardCounts, CardPeriod } from './card-input';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { appointmentSections } from './appointment-sections';
import { type FittedCard, fitToLimit } from './fit-to-limit';
import { formatNumber } from './format';
import { type ListOptions, listLimits } from './list-options';
import { renderCard } from './render-card';
import { shownInvoiceable } from './shown-invoiceable';
import type { TemplateData } from './template-data';

export interface InvoicePreviewInput {
  /** The stored preview (its selection) that the Invoice button asks the server to invoice. */
  previewId: string;
  period: CardPeriod | null;
  customer: string | null;
  appointments: readonly AppointmentRow[];
  refreshUserIds?: readonly string[];
  /** The plan's counts (appointments → invoices), when known: the button says both. */
  counts?: CardCounts | null;
  /** Drawn in answer to a click that found other appointments than the card had shown: it says so. */
  changed?: boolean;
}

function previewTitle(input: InvoicePreviewInput, context: CardContext): string {
  const text = CARD_TEXT[languageOf(context.locale)];
  return text.previewTitle(input.period?.label ?? null, input.customer);
}

export function invoicePreviewData(input: InvoicePreviewInput, context: CardContext, rowsShown: number): TemplateData<'invoice-preview'> {
  const text = CARD_TEXT[languageOf(context.locale)];
  const sections = appointmentSections(input, previewTitle(input, context), context, rowsShown);
  return {
    ...sections.data,
    note: text.previewNote,
    previewId: input.previewId,
    shown: shownInvoiceable(input.appointments),
    changedNote: input.changed === true ? text.changedSinceShown : '',
    canInvoice: sections.readyCount > 0,
    invoiceTitle:
      input.counts == null
        ? text.invoicePreview(formatNumber(sections.readyCount, context.locale))
        : text.invoicePreviewCounts(input.counts, (v) => formatNumber(v, context.locale)),
    refreshUserIds: [...(input.refreshUserIds ?? [])],
  };
}

/** What a command that would invoice answers with: nothing happens until Invoice is clicked. */
export function invoicePreviewCard(input: InvoicePreviewInput, context: CardContext, options: ListOptions = {}): FittedCard {
  const rowCount = appointmentSections(input, '', context, 0).rowCount;
  const { maxRows, maxBytes } = listLimits(options, rowCount);
  return fitToLimit((n) => renderCard('invoice-preview', invoicePreviewData(input, context, n)), maxRows, maxBytes);
}
