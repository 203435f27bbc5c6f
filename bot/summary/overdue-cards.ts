import { type CardContext, localeOf, languageOf, overdueInvoicesCard } from '../cards';
import { nowOf } from '../actions/bot-services';
import { summaryTargets } from '../installations';
import { dueLocalTick } from '../../service/jobs/local-schedule';
import type { ScheduledTask } from '../../service/jobs/scheduler';
import type { PaymentsService } from '../../service/payments/payments-service';
import { NO_SELECTION, localeOfConversation, postOnce, type ScheduledPostDeps } from './post-once';

export interface OverdueCardDeps extends ScheduledPostDeps {
  payments: Pick<PaymentsService, 'overdue'>;
}

export interface OverdueOutcome {
  /** The week's tick (its local date) when one is due. */
  key: string | undefined;
  posted: string[];
  alreadyPosted: string[];
  failed: string[];
  /** Nothing was overdue: nothing posted. */
  empty: boolean;
}

/**
 * Posts the weekly card of overdue invoices due at `now` (the setup's day and time, in the
 * business's time zone) to the summary's conversations, once per conversation and week.
 */
export async function postOverdueCards(deps: OverdueCardDeps, now: Date = nowOf(deps.services)): Promise<OverdueOutcome> {
  const { services } = deps;
  const setup = await services.currentSetup();
  const { overdueCard, dailySummary } = setup;
  const key = overdueCard.enabled
    ? dueLocalTick(now, { frequency: 'weekly', day: overdueCard.day, time: overdueCard.time, timeZone: dailySummary.timeZone })
    : undefined;
  const outcome: OverdueOutcome = { key, posted: [], alreadyPosted: [], failed: [], empty: false };
  if (key === undefined) return outcome;
  const overdue = await deps.payments.overdue();
  if (overdue.total === 0) {
    outcome.empty = true;
    return outcome;
  }
  const input = {
    today: overdue.today,
    total: overdue.total,
    outstanding: overdue.outstanding,
    invoices: overdue.items.map((i) => ({
      number: i.number,
      customerName: i.customer.name,
      customerEmail: i.customer.email,
      amount: i.amount,
      remaining: i.payment?.remaining ?? null,
      dueDate: i.payment?.dueDate ?? null,
      url: i.url,
    })),
  };
  for (const target of summaryTargets(await deps.conversations.all(), dailySummary.conversationIds)) {
    const context: CardContext = { locale: localeOf(languageOf(localeOfConversation(target))), timeZone: dailySummary.timeZone, tab: services.tab };
    const card = { conversationId: target.id, kind: 'overdueInvoices' as const, key, selection: NO_SELECTION };
    const posted = await postOnce(deps, card, async () => overdueInvoicesCard(input, context).card);
    outcome[posted].push(target.id);
  }
  return outcome;
}

/** The weekly overdue card as a scheduler task: checked every minute, the lease picks one process per check. */
export function overdueCardTask(deps: OverdueCardDeps, checkEveryMs = 60_000): ScheduledTask {
  const businessId = deps.services.businessId.trim().toLowerCase();
  return {
    name: `overdue-card:${businessId}`,
    leaseName: `schedule:overdue-card:${businessId}`,
    intervalMs: () => checkEveryMs,
    run: async (_signal, asHolder) => {
      const outcome = await postOverdueCards({ ...deps, asHolder });
      if (outcome.posted.length > 0 || outcome.failed.length > 0) {
        deps.services.logger.info({ week: outcome.key, posted: outcome.posted.length, failed: outcome.failed.length }, 'overdue invoices card');
      }
    },
  };
}
