import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * The display name of each person who acted, keyed by the actor id that runs and audit entries
 * record (an object id, `<tenant>/<object id>`): the log keeps the stable id, people read the name.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('actor', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.dropTable('people').execute();
}

export const people: Migration = { up, down };
