import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CARD_PERIOD_NAMES } from './card-period-names';
import type { SelectionInput } from '../invoicing/run';
import type { Clock } from '../domain/clock';
import { isUniqueViolation, readJson, toIsoUtc, writeJson, type Database, type Row } from '../store';
import type { AsHolder } from '../jobs/scheduler';

/**
 * `overdueInvoices` is the weekly card of overdue invoices (key: its local date); `autoInvoice` the
 * result of an automatic invoicing tick (key: the tick's local date, its run set when posted).
 */
export const POSTED_CARD_KINDS = ['invoicePreview', 'dailySummary', 'overdueInvoices', 'autoInvoice'] as const;
export type PostedCardKind = (typeof POSTED_CARD_KINDS)[number];
const isPostedCardKind = (kind: string): kind is PostedCardKind => (POSTED_CARD_KINDS as readonly string[]).includes(kind);

/** What a card's Invoice button invoices: a period and maybe a customer, never ids or amounts. */
export const cardSelectionSchema = z.object({
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  customer: z.string().nullable(),
  /**
   * How the command named the period (the bot's period names: bot/commands), so that a card drawn again
   * for a reader names it in their language ("i går (2. nov. 2026)" for a Danish Teams, "yesterday
   * (Nov 2, 2026)" for an English one), not in the language of whoever posted it.
   */
  periodName: z.enum(CARD_PERIOD_NAMES).nullable().default(null),
  /** The period's words as posted, kept by cards stored before `periodName`: shown when that is missing. */
  label: z.string().nullable().default(null),
});
export type CardSelection = z.output<typeof cardSelectionSchema>;

/** The run selection a card's Invoice button asks for: its period and customer, never ids. */
export function selectionInput(s: CardSelection): SelectionInput {
  return {
    kind: 'filter',
    ...(s.firstDay === null ? {} : { from: s.firstDay }),
    ...(s.lastDay === null ? {} : { to: s.lastDay }),
    ...(s.customer === null ? {} : { customer: s.customer }),
  };
}

export interface PostedCard {
  id: string;
  conversationId: string;
  activityId: string;
  kind: PostedCardKind;
  key: string;
  runId: string | null;
  selection: CardSelection;
  updatedAt: string;
}

/** A run id placeholder while the winning click starts the run: losers see "starting". */
export const PENDING_PREFIX = 'pending-';
export const isPending = (runId: string | null): boolean => runId !== null && runId.startsWith(PENDING_PREFIX);

function toPostedCard(row: Row<'posted_cards'>): PostedCard {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    activityId: row.activity_id,
    kind: isPostedCardKind(row.kind) ? row.kind : 'invoicePreview',
    key: row.period_key,
    runId: row.run_id,
    selection: readJson(cardSelectionSchema, row.payload, 'posted_cards.payload'),
    updatedAt: row.updated_at,
  };
}

export interface NewPostedCard {
  conversationId: string;
  kind: PostedCardKind;
  key: string;
  selection: CardSelection;
  runId?: string;
}

/**
 * The `posted_cards` table: a card the bot posted whose button can start a run. Unique on
 * (conversation, kind, key): a daily summary's key is its period, a preview's its preview id.
 */
export class PostedCards {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a card before it is sent (activity id still empty); undefined when the key is taken.
   * Under a scheduled task's lease (`asHolder`) the insert is fenced: a process that lost the lease records nothing.
   */
  async insert(card: NewPostedCard, asHolder?: AsHolder): Promise<PostedCard | undefined> {
    if (asHolder !== undefined) return asHolder((trx) => new PostedCards(trx, this.clock).insert(card));
    const at = toIsoUtc(this.clock());
    const id = randomUUID();
    try {
      await this.db
        .insertInto('posted_cards')
        .values({
          id,
          conversation_id: card.conversationId,
          activity_id: '',
          kind: card.kind,
          period_key: card.key,
          run_id: card.runId ?? null,
          payload: writeJson(card.selection),
          created_at: at,
          updated_at: at,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) return undefined;
      throw err;
    }
    return this.byId(id);
  }

  async byId(id: string): Promise<PostedCard | undefined> {
    const row = await this.db.selectFrom('posted_cards').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toPostedCard(row);
  }

  async find(conversationId: string, kind: PostedCardKind, key: string): Promise<PostedCard | undefined> {
    const row = await this.db
      .selectFrom('posted_cards')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('kind', '=', kind)
      .where('period_key', '=', key)
      .executeTakeFirst();
    return row && toPostedCard(row);
  }

  async findByRun(conversationId: string, runId: string): Promise<PostedCard | undefined> {
    const row = await this.db
      .selectFrom('posted_cards')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('run_id', '=', runId)
      .executeTakeFirst();
    return row && toPostedCard(row);
  }

  async setActivity(id: string, activityId: string): Promise<void> {
    await this.db
      .updateTable('posted_cards')
      .set({ activity_id: activityId, updated_at: toIsoUtc(this.clock()) })
      .where('id', '=', id)
      .execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('posted_cards').where('id', '=', id).execute();
  }

  /**
   * Moves the card's run from `expected` to a fresh pending token in one guarded update: of
   * concurrent clicks (in any process) exactly one gets the token and starts the run.
   */
  async claim(id: string, expected: string | null): Promise<string | undefined> {
    const token = `${PENDING_PREFIX}${randomUUID()}`;
    const result = await this.db
      .updateTable('posted_cards')
      .set({ run_id: token, updated_at: toIsoUtc(this.clock()) })
      .where('id', '=', id)
      .where((eb) => (expected === null ? eb('run_id', 'is', null) : eb('run_id', '=', expected)))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n ? token : undefined;
  }

  /** Replaces the winner's pending token (or releases it with null when the start failed). */
  async settle(id: string, token: string, runId: string | null): Promise<void> {
    await this.db
      .updateTable('posted_cards')
      .set({ run_id: runId, updated_at: toIsoUtc(this.clock()) })
      .where('id', '=', id)
      .where('run_id', '=', token)
      .execute();
  }
}
