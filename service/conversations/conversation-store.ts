import type { Kysely } from 'kysely';
import type { Clock } from '../domain/clock';
import { toIsoUtc, type Database, type Row } from '../store';
import { installedConversations } from './installed-conversations';

/** A conversation the bot can post into, with the Bot Framework reference kept as JSON text. */
export interface StoredConversation {
  id: string;
  tenantId: string;
  serviceUrl: string;
  conversationType: string;
  /** JSON: the Bot Framework ConversationReference, read back by the edge. */
  reference: string;
  teamId: string | null;
  channelId: string | null;
  installedBy: string | null;
  /** A personal chat's user, a group chat's title, or "team › channel"; null while unknown. */
  name: string | null;
  /** The bot's last post of its own here (the daily summary): when, and the error if it failed; null before the first. */
  lastPost: PostResult | null;
}

export interface PostResult {
  at: string;
  error: string | null;
}

/** An absent installedBy or name keeps the stored one: a message turn does not know them. */
export interface ConversationRecord extends Omit<StoredConversation, 'installedBy' | 'name' | 'lastPost'> {
  installedBy?: string | null;
  name?: string | null;
}

function toStored(row: Row<'conversations'>): StoredConversation {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    serviceUrl: row.service_url,
    conversationType: row.conversation_type,
    reference: row.reference,
    teamId: row.team_id,
    channelId: row.channel_id,
    installedBy: row.installed_by,
    name: row.name,
    lastPost: row.last_post_at === null ? null : { at: row.last_post_at, error: row.last_post_error },
  };
}

/** The `conversations` table. */
export class ConversationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /**
   * Inserts or refreshes a conversation's reference (Teams may move a conversation to another
   * service URL); who installed the bot and the name are kept unless the record names them.
   */
  async upsert(record: ConversationRecord): Promise<void> {
    const values = {
      tenant_id: record.tenantId,
      service_url: record.serviceUrl,
      conversation_type: record.conversationType,
      reference: record.reference,
      team_id: record.teamId,
      channel_id: record.channelId,
      ...(record.name === undefined || record.name === null ? {} : { name: record.name }),
    };
    await this.db
      .insertInto('conversations')
      .values({ id: record.id, ...values, installed_by: record.installedBy ?? null, created_at: toIsoUtc(this.clock()) })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet(record.installedBy === undefined || record.installedBy === null ? values : { ...values, installed_by: record.installedBy }),
      )
      .execute();
  }

  /** The outcome of a proactive post, shown in the setup; a failure is retried by the caller, not here. */
  async recordPost(id: string, error: string | null): Promise<void> {
    await this.db
      .updateTable('conversations')
      .set({ last_post_at: toIsoUtc(this.clock()), last_post_error: error })
      .where('id', '=', id)
      .execute();
  }

  async get(id: string): Promise<StoredConversation | undefined> {
    const row = await this.db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toStored(row);
  }

  /** On uninstall: the conversation and the cards posted in it (the foreign key cascades where enforced). */
  async remove(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('posted_cards').where('conversation_id', '=', id).execute();
      await trx.deleteFrom('conversations').where('id', '=', id).execute();
    });
  }

  /** A team uninstall removes every conversation of the team. */
  async removeTeam(teamId: string): Promise<void> {
    const rows = await this.db.selectFrom('conversations').select('id').where('team_id', '=', teamId).execute();
    for (const row of rows) await this.remove(row.id);
  }

  /** Every conversation of a team, its channels and the threads the bot answered in. */
  async ofTeam(teamId: string): Promise<StoredConversation[]> {
    const rows = await this.db.selectFrom('conversations').selectAll().where('team_id', '=', teamId).orderBy('id').execute();
    return rows.map(toStored);
  }

  async all(): Promise<StoredConversation[]> {
    const rows = await this.db.selectFrom('conversations').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toStored);
  }

  /** The chats and channels the app is installed in, without the threads it answered in. */
  async installed(): Promise<StoredConversation[]> {
    return installedConversations(await this.all());
  }
}
