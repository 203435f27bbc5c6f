import { type AdaptiveCardJson, type CardContext, type CardPeriod, dailySummaryCard, invoicePreviewCard, languageOf } from '../cards';
import { periodFromKey } from '../commands';
import { RunNotFoundError } from '../../service/invoicing/run';
import { appointmentRows } from './appointment-rows';
import type { BotServices } from './bot-services';
import { isPending, selectionInput, type CardSelection, type PostedCard } from '../../service/conversations';
import { runCard, startingCard } from './run-card';

export function selectionPeriod(selection: CardSelection, context: CardContext): CardPeriod | null {
  if (selection.firstDay === null || selection.lastDay === null) return null;
  const key = `${selection.firstDay}..${selection.lastDay}`;
  // Named in the reader's language; a card stored before its period's name was keeps the words it was posted with.
  const period = periodFromKey(key, context.timeZone, languageOf(context.locale), selection.periodName ?? 'dates');
  if (!period) return null;
  return {
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    key: period.key,
    label: selection.periodName === null ? (selection.label ?? period.label) : period.label,
    name: period.name,
  };
}

/**
 * What a posted card shows now: its run (progress or result) once a click started one, else its
 * appointments as the database has them at this moment.
 */
export async function postedCardView(
  services: BotServices,
  card: PostedCard,
  context: CardContext,
  refreshUserIds: readonly string[] = [],
  /** Drawn for a click that found other appointments than the card showed (shown-invoiceable.ts). */
  changed = false,
): Promise<AdaptiveCardJson> {
  if (isPending(card.runId)) return startingCard(context);
  if (card.runId !== null) {
    try {
      return runCard(await services.invoices.getRun(card.runId), context, refreshUserIds);
    } catch (err) {
      if (err instanceof RunNotFoundError) return startingCard(context);
      throw err;
    }
  }
  const appointments = await appointmentRows(services, card.selection, languageOf(context.locale));
  const period = selectionPeriod(card.selection, context);
  // The button says appointments and invoices apart: a group class invoices each attendee.
  const counts = appointments.some((a) => a.reason === null) ? await services.invoices.counts(selectionInput(card.selection)) : null;
  if (card.kind === 'invoicePreview') {
    return invoicePreviewCard({ previewId: card.key, period, customer: card.selection.customer, appointments, refreshUserIds, counts, changed }, context).card;
  }
  if (period === null) throw new Error(`daily summary card ${card.id} has no period`);
  return dailySummaryCard({ period, appointments, refreshUserIds, counts, changed }, context).card;
}
