import { type AdaptiveCardJson, type CardContext, escapeText, languageOf, refusalCard, unbilledListCard } from '../cards';
import { markNoShowDataSchema } from '../cards/action-data';
import { CARD_TEXT } from '../cards/card-text';
import { formatDateTime } from '../cards/format';
import type { NamedAppointment, NoShowResult } from '../../service/invoicing/no-shows';
import { REASONS, type Reason } from '../../service/unbilled/eligibility';
import { reasonText } from '../../service/unbilled/reason-text';
import { appointmentRows } from './appointment-rows';
import type { CardActionRequest, GuestLookup } from './bot-request';
import { actingActor, mayInvoice } from './bot-roles';
import type { BotServices } from './bot-services';
import { BadCardActionError } from './card-errors';
import { selectionPeriod } from './posted-card-view';
import type { CardSelection } from '../../service/conversations';

const isReason = (reason: string): reason is Reason => (REASONS as readonly string[]).includes(reason);

/** "Karen Holm · Fysioterapi · Tue, Nov 10, 10:00": the appointment as the card's rows name it. */
function described(appointment: NamedAppointment, context: CardContext): string {
  return [appointment.customers.join(', '), appointment.serviceName, formatDateTime(new Date(appointment.start), context.locale, context.timeZone)]
    .filter((part) => part !== '')
    .map((part) => escapeText(part, 200))
    .join(' · ');
}

function noteOf(result: NoShowResult, context: CardContext): string {
  const language = languageOf(context.locale);
  const text = CARD_TEXT[language];
  if (result.ok) return text.noShowMarked(described(result.appointment, context));
  if (result.code === 'not-found') return text.noShowGone;
  return text.noShowRefused(isReason(result.reason) ? reasonText(result.reason, language) : escapeText(result.message, 200));
}

/**
 * An unbilled list row's No-show click: the one role rule (invoicer, as for "mark as invoiced"),
 * then the service's rule on the appointment as the database has it; the answer is the same list
 * drawn again, the row now marked, with what happened said at the top. Only a click (handleCardAction) gets here.
 */
export async function markNoShowAction(services: BotServices, request: CardActionRequest, context: CardContext, guest: GuestLookup): Promise<AdaptiveCardJson> {
  const parsed = markNoShowDataSchema.safeParse(request.data);
  if (!parsed.success) throw new BadCardActionError('the card action data is not one of ours');
  const data = parsed.data;
  if (!(await mayInvoice(services, request, guest))) return refusalCard(request.locale);
  const result = await services.appointments.markNoShow({ appointmentId: data.appointmentId, actor: await actingActor(services, request), source: 'bot' });
  services.logger.info({ ok: result.ok, changed: result.ok && result.changed }, 'no-show marked from a card');
  const selection: CardSelection = {
    firstDay: data.firstDay ?? null,
    lastDay: data.lastDay ?? null,
    customer: data.customer ?? null,
    periodName: data.periodName ?? null,
    label: data.label ?? null,
  };
  const appointments = await appointmentRows(services, selection, languageOf(context.locale));
  const period = selectionPeriod(selection, context);
  return unbilledListCard({ period, customer: selection.customer, appointments, note: noteOf(result, context) }, context).card;
}
