import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * The outcome of the bot's last proactive post per conversation (the daily summary), so a failed
 * send is visible in the setup instead of only in the log: when it was tried, and the error or null.
 */
async function up(db: Db): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('last_post_at', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('last_post_error', 'text').execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.alterTable('conversations').dropColumn('last_post_error').execute();
  await db.schema.alterTable('conversations').dropColumn('last_post_at').execute();
}

export const conversationPostResults: Migration = { up, down };
