import { randomUUID } from 'node:crypto';
import { type CardContext, helpCard, localeOf, refusalCard, statusCard, unbilledListCard } from '../cards';
import { type Command, type Language, type Period, parseCommand, resolveNamedPeriod } from '../commands';
import { appointmentRows, cardPeriodOf } from './appointment-rows';
import type { GuestLookup, MessageRequest } from './bot-request';
import { nowOf, type BotServices } from './bot-services';
import type { Reply } from './card-messenger';
import { actingActor, mayInvoice } from './bot-roles';
import { postedCardView } from './posted-card-view';
import type { CardSelection, PostedCardKind } from '../../service/conversations';
import { statusInput } from './status-input';
import { syncErrorWords } from '../../service/jobs/sync-error-words';

/** Names the bot may be addressed by in plain text. */
const BOT_NAMES = ['bookings', 'bookings invoicing'];

const SYNC_STARTED: Record<Language, string> = {
  en: 'Sync started: Bookings is being read into the list of unbilled appointments.',
  da: 'Synkronisering startet: Bookings læses ind i listen over ufakturerede aftaler.',
};

const LAST_FAILED: Record<Language, string> = { en: 'The last sync failed:', da: 'Den seneste synkronisering fejlede:' };

/** The sync could not be started (another process holds it without showing a run, or this one is stopping); the reason is logged. */
const SYNC_NOT_STARTED: Record<Language, string> = {
  en: 'The sync could not be started just now. Nothing was changed. Try "sync now" again in a minute; if it keeps failing, ask an admin.',
  da: 'Synkroniseringen kunne ikke startes lige nu. Intet blev ændret. Prøv "synkroniser nu" igen om et minut; spørg en administrator, hvis det bliver ved.',
};

/** The last sync's failure in words, said when a new one starts so no one waits for a known problem. */
async function lastSyncProblem(services: BotServices, language: Language): Promise<string | null> {
  const [last] = await services.sync.recentRuns(services.businessId, 1);
  return last?.state === 'failed' ? syncErrorWords(last.errorKind ?? 'unknown', language) : null;
}

function selectionOf(period: Period | null, customer: string | null): CardSelection {
  return { firstDay: period?.firstDay ?? null, lastDay: period?.lastDay ?? null, customer, periodName: period?.name ?? null, label: period?.label ?? null };
}

/** Records the card, sends it, then notes its message id: a click can never name an unknown card. */
async function postCard(
  services: BotServices,
  reply: Reply,
  request: MessageRequest,
  context: CardContext,
  card: { kind: PostedCardKind; key: string; selection: CardSelection },
): Promise<void> {
  const cards = services.postedCards;
  const stored = (await cards.insert({ conversationId: request.conversation.id, ...card })) ?? (await cards.find(request.conversation.id, card.kind, card.key));
  if (!stored) throw new Error('the posted card vanished while it was being posted');
  const activityId = await reply.card(await postedCardView(services, stored, context));
  await cards.setActivity(stored.id, activityId);
}

/**
 * A chat message: the command's answer goes back into the conversation. Nothing here invoices:
 * `invoice ...` answers with a preview whose button does.
 */
export async function handleMessage(services: BotServices, request: MessageRequest, reply: Reply, guest: GuestLookup): Promise<void> {
  const setup = await services.currentSetup();
  const now = nowOf(services);
  const timeZone = setup.dailySummary.timeZone;
  const command: Command = parseCommand(request.text, { now, timeZone, botNames: BOT_NAMES });
  const locale = localeOf(command.language);
  const context: CardContext = { locale, timeZone, tab: services.tab };

  switch (command.kind) {
    case 'help':
      await reply.card(helpCard({}, locale));
      return;
    case 'unknown':
      await reply.card(helpCard({ notUnderstood: { text: command.text, problem: command.problem } }, locale));
      return;
    case 'invoice':
      if (!(await mayInvoice(services, request, guest))) {
        await reply.card(refusalCard(locale));
        return;
      }
      await postCard(services, reply, request, context, {
        kind: 'invoicePreview',
        key: randomUUID(),
        selection: selectionOf(command.period, command.customer),
      });
      return;
    case 'summary': {
      const period = command.period ?? resolveNamedPeriod('yesterday', now, timeZone, command.language);
      await postCard(services, reply, request, context, { kind: 'dailySummary', key: period.key, selection: selectionOf(period, null) });
      return;
    }
    case 'unbilled': {
      const appointments = await appointmentRows(services, selectionOf(command.period, command.customer), command.language);
      const period = command.period && cardPeriodOf(command.period);
      await reply.card(unbilledListCard({ period, customer: command.customer, appointments }, context).card);
      return;
    }
    case 'sync':
      if (!(await mayInvoice(services, request, guest))) {
        await reply.card(refusalCard(locale));
        return;
      }
      {
        const problem = await lastSyncProblem(services, command.language);
        try {
          await services.sync.requestSync(services.businessId, { requestedBy: await actingActor(services, request), source: 'bot' });
        } catch (err) {
          services.logger.warn({ err }, 'sync from the bot could not start');
          await reply.text(SYNC_NOT_STARTED[command.language]);
          return;
        }
        await reply.text(problem === null ? SYNC_STARTED[command.language] : `${SYNC_STARTED[command.language]} ${LAST_FAILED[command.language]} ${problem}`);
      }
      return;
    case 'status':
      await reply.card(statusCard(await statusInput(services), context));
      return;
  }
}
