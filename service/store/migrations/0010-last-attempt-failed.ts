import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * Whether the last invoice run over an appointment failed for it (it gave up, or Business Central
 * refused the invoice): the Unbilled list notes it without blocking a retry. Set when a failed
 * invoice releases the appointment, cleared when an invoice records it.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('appointments')
    .addColumn('last_attempt_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.alterTable('appointments').dropColumn('last_attempt_failed').execute();
}

export const lastAttemptFailed: Migration = { up, down };
