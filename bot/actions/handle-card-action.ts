import {
  type AdaptiveCardJson,
  CARD_VERBS,
  type CardContext,
  invoiceAllDataSchema,
  languageOf,
  refreshCardDataSchema,
  refusalCard,
  retryFailedDataSchema,
  shownInvoiceable,
} from '../cards';
import { appointmentRows } from './appointment-rows';
import { InvalidRunRequestError, RunNotFoundError } from '../../service/invoicing/run';
import { abortableSleep } from '../../service/jobs/abortable-sleep';
import { realTimers } from '../../service/jobs/timers';
import type { CardActionRequest, GuestLookup } from './bot-request';
import { nowOf, type BotServices } from './bot-services';
import { BadCardActionError } from './card-errors';
import { actingActor, mayInvoice } from './bot-roles';
import { postedCardView } from './posted-card-view';
import { isPending, selectionInput, type PostedCard, type PostedCards } from '../../service/conversations';
import { runCard, startingCard } from './run-card';
import { markNoShowAction } from './mark-no-show';
import { findInConversation } from './card-conversation';
import type { RunWatchers } from './run-watchers';

/** A winner that has not written its run id after this long died: its claim may be taken over. */
const STALE_PENDING_MS = 60_000;
/** How long a losing click waits for the winner's run id before answering "starting". */
const JOIN_WAIT_MS = 600;
/** How often that losing click looks again. */
const JOIN_POLL_MS = 50;

export interface CardActionDeps {
  services: BotServices;
  watchers: RunWatchers;
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new BadCardActionError('the card action data is not one of ours');
  return parsed.data;
}

async function contextFor(services: BotServices, request: CardActionRequest): Promise<CardContext> {
  const setup = await services.currentSetup();
  return { locale: request.locale, timeZone: setup.dailySummary.timeZone, tab: services.tab };
}

/**
 * One click's answer: the card as it is now. Only a manual Invoice all / Retry failed can start
 * work, and a No-show click change a row; every other invoke, and any automatic refresh whatever
 * its verb, only draws state.
 */
export async function handleCardAction(deps: CardActionDeps, request: CardActionRequest, guest: GuestLookup): Promise<AdaptiveCardJson> {
  const context = await contextFor(deps.services, request);
  if (request.trigger === 'manual' && request.verb === CARD_VERBS.invoiceAll) return invoiceAll(deps, request, context, guest);
  if (request.trigger === 'manual' && request.verb === CARD_VERBS.retryFailed) return retryFailed(deps, request, context, guest);
  if (request.trigger === 'manual' && request.verb === CARD_VERBS.markNoShow) return markNoShowAction(deps.services, request, context, guest);
  return refresh(deps, request, context);
}

async function refresh(deps: CardActionDeps, request: CardActionRequest, context: CardContext): Promise<AdaptiveCardJson> {
  const data = parse(refreshCardDataSchema, request.data);
  const cards = deps.services.postedCards;
  switch (data.cardKind) {
    case 'dailySummary':
    case 'invoicePreview': {
      const key = data.cardKind === 'dailySummary' ? data.periodKey : data.previewId;
      const card = await findInConversation(request.conversation.id, (id) => cards.find(id, data.cardKind, key));
      if (!card) throw new BadCardActionError('no such card in this conversation');
      return postedCardView(deps.services, card, context, [request.user.id]);
    }
    case 'runProgress':
    case 'runResult':
      // A run is shown only where one of its cards was posted: a run id from elsewhere reveals nothing.
      if (!(await findInConversation(request.conversation.id, (id) => cards.findByRun(id, data.runId))))
        throw new BadCardActionError('no such run in this conversation');
      try {
        return runCard(await deps.services.invoices.getRun(data.runId), context, [request.user.id]);
      } catch (err) {
        if (err instanceof RunNotFoundError) return startingCard(context);
        throw err;
      }
  }
}

async function invoiceAll(deps: CardActionDeps, request: CardActionRequest, context: CardContext, guest: GuestLookup): Promise<AdaptiveCardJson> {
  const data = parse(invoiceAllDataSchema, request.data);
  const { services } = deps;
  if (!(await mayInvoice(services, request, guest))) return refusalCard(request.locale);
  const cards = services.postedCards;
  const key = data.cardKind === 'dailySummary' ? data.periodKey : data.previewId;
  const card = await findInConversation(request.conversation.id, (id) => cards.find(id, data.cardKind, key));
  if (!card) throw new BadCardActionError('no such card in this conversation');

  const stale = isPending(card.runId) && Date.parse(card.updatedAt) < nowOf(services).getTime() - STALE_PENDING_MS;
  if (card.runId === null || stale) {
    // The click invoices what its card showed, or nothing: a card drawn before a sync, an exclusion or
    // a new price is answered as it stands now, to be clicked again.
    if (data.shown !== undefined && data.shown !== shownInvoiceable(await appointmentRows(services, card.selection, languageOf(context.locale)))) {
      return postedCardView(services, card, context, [request.user.id], true);
    }
    const token = await cards.claim(card.id, card.runId);
    if (token !== undefined) {
      return startRun(deps, request, context, card, token, async () =>
        services.invoices.start(selectionInput(card.selection), await actingActor(services, request), 'bot'),
      );
    }
  }
  return joined(deps, request, context, cards, card.id);
}

async function retryFailed(deps: CardActionDeps, request: CardActionRequest, context: CardContext, guest: GuestLookup): Promise<AdaptiveCardJson> {
  const data = parse(retryFailedDataSchema, request.data);
  const { services } = deps;
  if (!(await mayInvoice(services, request, guest))) return refusalCard(request.locale);
  const cards = services.postedCards;
  const card = await findInConversation(request.conversation.id, (id) => cards.findByRun(id, data.runId));
  if (!card) {
    // The card has moved on to a newer run (someone retried already), or it is not ours: show the run.
    return refresh(deps, { ...request, data: { cardKind: 'runResult', runId: data.runId } }, context);
  }
  const token = await cards.claim(card.id, data.runId);
  if (token === undefined) return joined(deps, request, context, cards, card.id);
  try {
    return await startRun(deps, request, context, card, token, async () =>
      services.invoices.retryFailed(data.runId, await actingActor(services, request), 'bot'),
    );
  } catch (err) {
    if (!(err instanceof InvalidRunRequestError)) throw err;
    // Nothing failed any more: startRun put the card back on its run.
    return postedCardView(services, { ...card, runId: data.runId }, context);
  }
}

async function startRun(
  deps: CardActionDeps,
  request: CardActionRequest,
  context: CardContext,
  card: PostedCard,
  token: string,
  start: () => Promise<string>,
): Promise<AdaptiveCardJson> {
  const cards = deps.services.postedCards;
  let runId: string;
  try {
    runId = await start();
  } catch (err) {
    await cards.settle(card.id, token, card.runId !== null && !isPending(card.runId) ? card.runId : null);
    throw err;
  }
  await cards.settle(card.id, token, runId);
  deps.services.logger.info({ runId, card: card.id, kind: card.kind }, 'invoice run started from a card');
  deps.watchers.start(card, runId, context, request.replyToId);
  return runCard(await deps.services.invoices.getRun(runId), context, [request.user.id]);
}

/** Another click (here or in another process) started the card's run: show it, create nothing. */
async function joined(deps: CardActionDeps, request: CardActionRequest, context: CardContext, cards: PostedCards, cardId: string): Promise<AdaptiveCardJson> {
  const { clock } = deps.services;
  const deadline = clock().getTime() + JOIN_WAIT_MS;
  let card = await cards.byId(cardId);
  while (card && isPending(card.runId) && clock().getTime() < deadline) {
    await abortableSleep(deps.services.waits ?? realTimers, JOIN_POLL_MS);
    card = await cards.byId(cardId);
  }
  if (!card) throw new BadCardActionError('the card was removed');
  return postedCardView(deps.services, card, context, [request.user.id]);
}
