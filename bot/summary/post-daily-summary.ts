import { z } from 'zod';
import { type CardContext, type CardLocale, localeOf, languageOf } from '../cards';
import { resolveNamedPeriod, periodFromKey } from '../commands';
import { appointmentRows } from '../actions/appointment-rows';
import { nowOf, type BotServices } from '../actions/bot-services';
import type { CardMessenger } from '../actions/card-messenger';
import { postedCardView } from '../actions/posted-card-view';
import { PostedCards } from '../actions/posted-cards';
import { cardLocaleOf } from '../actions/bot-request';
import { type ConversationStore, type StoredConversation, summaryTargets } from '../installations';
import { dueSummaryDay } from './summary-time';
import type { AsHolder } from '../../service/jobs/scheduler';

export interface SummaryDeps {
  services: BotServices;
  messenger: CardMessenger;
  conversations: ConversationStore;
  /** Set by the scheduler: commits as the holder of the summary's lease. */
  asHolder?: AsHolder;
}

export interface SummaryOutcome {
  day: string | undefined;
  posted: string[];
  /** Conversations that already had this day's summary. */
  alreadyPosted: string[];
  failed: string[];
  empty: boolean;
}

const referenceLocale = z.object({ locale: z.string().optional() }).loose();

function localeOfConversation(conversation: StoredConversation): CardLocale {
  try {
    return cardLocaleOf(referenceLocale.parse(JSON.parse(conversation.reference)).locale);
  } catch {
    return 'en-US';
  }
}

/** What the setup shows of a failed post: the error's own message, kept short (it is not a log). */
function postErrorOf(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.length > 300 ? `${message.slice(0, 299)}…` : message;
}

/**
 * Posts the summary due at `now` (the previous local day) to each target conversation, once: the
 * card's `posted_cards` row is inserted before sending, and the unique (conversation, kind,
 * period) lets one insert win across processes. A failed send removes the row so a later tick retries,
 * and each conversation's outcome is recorded for the setup page.
 */
export async function postDailySummaries(deps: SummaryDeps, now: Date = nowOf(deps.services)): Promise<SummaryOutcome> {
  const { services } = deps;
  const setup = await services.currentSetup();
  const summary = setup.dailySummary;
  const day = summary.enabled ? dueSummaryDay(now, summary) : undefined;
  const outcome: SummaryOutcome = { day, posted: [], alreadyPosted: [], failed: [], empty: false };
  if (day === undefined) return outcome;

  const cards = new PostedCards(services.db, services.clock);
  const selection = { firstDay: day, lastDay: day, customer: null };
  const countable = await appointmentRows(services, { ...selection, label: null }, 'en');
  if (countable.length === 0 && !summary.postWhenEmpty) {
    outcome.empty = true;
    return outcome;
  }
  for (const target of summaryTargets(await deps.conversations.all(), summary.conversationIds)) {
    const locale = localeOfConversation(target);
    const language = languageOf(locale);
    const yesterday = resolveNamedPeriod('yesterday', now, summary.timeZone, language);
    const period = yesterday.firstDay === day ? yesterday : periodFromKey(`${day}..${day}`, summary.timeZone, language);
    const card = { conversationId: target.id, kind: 'dailySummary' as const, key: `${day}..${day}`, selection: { ...selection, label: period?.label ?? null } };
    // Under the schedule's lease, the claim on the day's card is fenced: a process that lost the lease posts nothing.
    const stored = deps.asHolder === undefined ? await cards.insert(card) : await deps.asHolder((trx) => new PostedCards(trx, services.clock).insert(card));
    if (!stored) {
      outcome.alreadyPosted.push(target.id);
      continue;
    }
    const context: CardContext = { locale: localeOf(language), timeZone: summary.timeZone, tab: services.tab };
    try {
      const activityId = await deps.messenger.send(target.id, await postedCardView(services, stored, context));
      await cards.setActivity(stored.id, activityId);
      await deps.conversations.recordPost(target.id, null);
      outcome.posted.push(target.id);
    } catch (err) {
      services.logger.warn({ err, conversationId: target.id, day }, 'daily summary not posted; retried at the next tick');
      await cards.remove(stored.id);
      await deps.conversations.recordPost(target.id, postErrorOf(err));
      outcome.failed.push(target.id);
    }
  }
  return outcome;
}
