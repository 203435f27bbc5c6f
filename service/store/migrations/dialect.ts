import { PostgresAdapter, type Kysely } from 'kysely';

/** For the few column definitions that cannot be written portably (autoincrement keys). */
export const isPostgres = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
