/*
 * Constraint violations as both drivers report them, so callers (a claim racing another, a
 * second invoice with one external document number) can tell them apart portably.
 * The checks read `code` rather than using instanceof: better-sqlite3's error class belongs to
 * whichever realm loaded the native addon first (under jest, another test file's).
 */

const codeOf = (err: unknown): string | undefined => {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};

const UNIQUE = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const FOREIGN_KEY = new Set(['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY']);

/** A unique or primary key constraint refused the write. */
export const isUniqueViolation = (err: unknown): boolean => UNIQUE.has(codeOf(err) ?? '');

/** A foreign key constraint refused the write. */
export const isForeignKeyViolation = (err: unknown): boolean => FOREIGN_KEY.has(codeOf(err) ?? '');
