import type { MarkNoShowData } from './action-data';
import { type AppointmentListInput, appointmentSections } from './appointment-sections';
import type { AppointmentRow } from './card-input';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT } from './card-text';
import { type FittedCard, fitToLimit } from './fit-to-limit';
import { type ListOptions, listLimits } from './list-options';
import { renderCard } from './render-card';
import type { TemplateData } from './template-data';

export interface UnbilledListInput extends AppointmentListInput {
  /** Said at the top after a row's No-show click (already escaped): what happened. */
  note?: string;
}

/** What a row's No-show button sends: the appointment, and the list's filter to draw it again. */
function noShowData(row: AppointmentRow, input: UnbilledListInput): MarkNoShowData {
  return {
    cardKind: 'unbilledList',
    appointmentId: row.id,
    ...(input.period ? { firstDay: input.period.firstDay, lastDay: input.period.lastDay, label: input.period.label.slice(0, 200) } : {}),
    ...(input.period?.name === undefined ? {} : { periodName: input.period.name }),
    ...(input.customer !== null && input.customer !== '' ? { customer: input.customer.slice(0, 320) } : {}),
  };
}

export function unbilledListData(input: UnbilledListInput, context: CardContext, rowsShown: number): TemplateData<'unbilled-list'> {
  const text = CARD_TEXT[languageOf(context.locale)];
  const sections = appointmentSections(input, text.unbilledTitle(input.period?.label ?? null, input.customer), context, rowsShown);
  const noShowFields = (row: AppointmentRow) => ({
    noShowText: row.noShow ? ` · **${text.noShow}**` : '',
    canMarkNoShow: row.canMarkNoShow === true,
    ...(row.canMarkNoShow === true ? { noShowData: noShowData(row, input) } : {}),
  });
  return {
    ...sections.data,
    note: input.note ?? '',
    noShowTitle: text.noShow,
    problems: sections.data.problems.map((line, i) => ({ ...line, ...noShowFields(sections.problemRows[i]!) })),
    appointments: sections.data.appointments.map((line, i) => ({ ...line, ...noShowFields(sections.readyRows[i]!) })),
  };
}

/** Lists what waits and why; each row that may be marked as a no-show carries its No-show button. Invoicing goes through a preview or the tab. */
export function unbilledListCard(input: UnbilledListInput, context: CardContext, options: ListOptions = {}): FittedCard {
  const rowCount = appointmentSections(input, '', context, 0).rowCount;
  const { maxRows, maxBytes } = listLimits(options, rowCount);
  return fitToLimit((n) => renderCard('unbilled-list', unbilledListData(input, context, n)), maxRows, maxBytes);
}
