import { type CardContext, localeOf, languageOf } from '../cards';
import { resolveNamedPeriod, periodFromKey } from '../commands';
import { appointmentRows } from '../actions/appointment-rows';
import { nowOf } from '../actions/bot-services';
import { postedCardView } from '../actions/posted-card-view';
import { summaryTargets } from '../installations';
import { localeOfConversation, postOnce, type ScheduledPostDeps } from './post-once';
import { dueSummaryDay } from './summary-time';

export type SummaryDeps = ScheduledPostDeps;

export interface SummaryOutcome {
  day: string | undefined;
  posted: string[];
  /** Conversations that already had this day's summary. */
  alreadyPosted: string[];
  failed: string[];
  empty: boolean;
}

/**
 * Posts the summary due at `now` (the previous local day) to each target conversation, once
 * (postOnce: a claim row per conversation and day, retried at a later tick when the send fails).
 */
export async function postDailySummaries(deps: SummaryDeps, now: Date = nowOf(deps.services)): Promise<SummaryOutcome> {
  const { services } = deps;
  const setup = await services.currentSetup();
  const summary = setup.dailySummary;
  const day = summary.enabled ? dueSummaryDay(now, summary) : undefined;
  const outcome: SummaryOutcome = { day, posted: [], alreadyPosted: [], failed: [], empty: false };
  if (day === undefined) return outcome;

  const selection = { firstDay: day, lastDay: day, customer: null };
  const countable = await appointmentRows(services, { ...selection, periodName: null, label: null }, 'en');
  if (countable.length === 0 && !summary.postWhenEmpty) {
    outcome.empty = true;
    return outcome;
  }
  for (const target of summaryTargets(await deps.conversations.all(), summary.conversationIds)) {
    const locale = localeOfConversation(target);
    const language = languageOf(locale);
    const yesterday = resolveNamedPeriod('yesterday', now, summary.timeZone, language);
    const period = yesterday.firstDay === day ? yesterday : periodFromKey(`${day}..${day}`, summary.timeZone, language);
    const card = {
      conversationId: target.id,
      kind: 'dailySummary' as const,
      key: `${day}..${day}`,
      selection: { ...selection, periodName: period?.name ?? null, label: period?.label ?? null },
    };
    const context: CardContext = { locale: localeOf(language), timeZone: summary.timeZone, tab: services.tab };
    const posted = await postOnce(deps, card, (stored) => postedCardView(services, stored, context));
    if (posted === 'posted') outcome.posted.push(target.id);
    else if (posted === 'alreadyPosted') outcome.alreadyPosted.push(target.id);
    else outcome.failed.push(target.id);
  }
  return outcome;
}
