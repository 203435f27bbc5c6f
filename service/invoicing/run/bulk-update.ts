import { sql, type RawBuilder } from 'kysely';
import { chunk } from '../../domain/chunks';

/**
 * Rows per set-based statement: each row costs two parameters in a `case` (and one in the `in`
 * list), well under SQLite's 32,766 and PostgreSQL's 65,535.
 */
export const ROWS_PER_STATEMENT = 500;

/**
 * Rows per UPDATE that sets values through `caseById`: each row's lookup walks the `case`, so a
 * statement costs rows² comparisons per column; 100 keep that small while still saving 99 statements.
 */
export const CASE_ROWS_PER_STATEMENT = 100;

/** Rows in slices of one statement each. */
export const slices = <T>(items: readonly T[], size: number = ROWS_PER_STATEMENT): T[][] => chunk(items, size);

/**
 * One value per row id, as one SQL expression (`case id when ? then ? ... end`), so a slice of rows
 * that each get their own value is written by one UPDATE instead of one per row. `type` casts each
 * value: PostgreSQL cannot infer a parameter's type inside a `case`, and would take it for text.
 */
export function caseById<T, V extends string | number | null>(
  rows: readonly T[],
  idOf: (row: T) => string,
  valueOf: (row: T) => V,
  type: 'text' | 'integer' = 'text',
): RawBuilder<V> {
  // bigint: wide enough for any amount in minor units; SQLite gives the name integer affinity.
  const cast = type === 'integer' ? sql`bigint` : sql`text`;
  const branches = rows.map((row) => sql`when ${idOf(row)} then cast(${valueOf(row)} as ${cast})`);
  return sql<V>`case ${sql.ref('id')} ${sql.join(branches, sql` `)} end`;
}
