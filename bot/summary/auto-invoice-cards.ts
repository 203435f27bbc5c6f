import { type CardContext, localeOf, languageOf } from '../cards';
import { postedCardView } from '../actions/posted-card-view';
import { summaryTargets } from '../installations';
import type { AutoInvoicer } from '../../service/invoicing/auto/auto-invoicer';
import { NO_SELECTION, localeOfConversation, postOnce, type ScheduledPostDeps } from './post-once';

export interface AutoInvoiceCardDeps extends ScheduledPostDeps {
  autoInvoice: Pick<AutoInvoicer, 'unannounced' | 'markAnnounced'>;
}

/**
 * Posts the result card of each finished automatic run to the summary's conversations, once per
 * conversation (postOnce, keyed by the tick), and marks the tick announced when every conversation
 * has it; a failed post keeps it for the next check. A run that found nothing to invoice is not
 * worth a message.
 */
export async function announceAutoInvoiceRuns(deps: AutoInvoiceCardDeps): Promise<{ announced: string[]; failed: string[] }> {
  const { services } = deps;
  const result = { announced: [] as string[], failed: [] as string[] };
  const pending = await deps.autoInvoice.unannounced();
  if (pending.length === 0) return result;
  const setup = await services.currentSetup();
  const targets = summaryTargets(await deps.conversations.all(), setup.dailySummary.conversationIds);
  for (const tick of pending) {
    const run = await services.invoices.getRun(tick.runId);
    let failed = false;
    if (run.state !== 'nothing') {
      for (const target of targets) {
        const context: CardContext = { locale: localeOf(languageOf(localeOfConversation(target))), timeZone: setup.dailySummary.timeZone, tab: services.tab };
        const card = { conversationId: target.id, kind: 'autoInvoice' as const, key: tick.key, selection: NO_SELECTION, runId: tick.runId };
        if ((await postOnce(deps, card, (stored) => postedCardView(services, stored, context))) === 'failed') failed = true;
      }
    }
    if (failed) result.failed.push(tick.key);
    else {
      await deps.autoInvoice.markAnnounced(tick.key);
      result.announced.push(tick.key);
    }
  }
  return result;
}
