import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * A display name per conversation, so the setup can offer a readable picker: the user's name of a
 * personal chat, a group chat's title, or "team › channel" for a team's channel.
 */
async function up(db: Db): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('name', 'text').execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.alterTable('conversations').dropColumn('name').execute();
}

export const conversationNames: Migration = { up, down };
