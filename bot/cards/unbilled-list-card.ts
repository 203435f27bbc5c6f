import { type AppointmentListInput, appointmentSections } from './appointment-sections';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { type FittedCard, fitToLimit } from './fit-to-limit';
import { type ListOptions, listLimits } from './list-options';
import { renderCard } from './render-card';
import type { TemplateData } from './template-data';

export type UnbilledListInput = AppointmentListInput;

export function unbilledListData(input: UnbilledListInput, context: CardContext, rowsShown: number): TemplateData<'unbilled-list'> {
  const text = CARD_TEXT[languageOf(context.locale)];
  return appointmentSections(input, text.unbilledTitle(input.period?.label ?? null, input.customer), context, rowsShown).data;
}

/** Read-only: lists what waits and why; invoicing goes through a preview or the tab. */
export function unbilledListCard(input: UnbilledListInput, context: CardContext, options: ListOptions = {}): FittedCard {
  const rowCount = appointmentSections(input, '', context, 0).rowCount;
  const { maxRows, maxBytes } = listLimits(options, rowCount);
  return fitToLimit((n) => renderCard('unbilled-list', unbilledListData(input, context, n)), maxRows, maxBytes);
}
