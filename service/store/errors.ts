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

/**
 * What a failed query means to the caller, without its detail: a value the database cannot hold
 * (PostgreSQL class 22: NUL in text, a number out of range), a write that lost to another, a
 * database too busy to answer now, or one that cannot be reached. Anything else is undefined (a bug).
 */
export type StoreFailure = 'bad-value' | 'conflict' | 'busy' | 'unavailable';

const SQLITE_FAILURES: Record<string, StoreFailure> = {
  SQLITE_TOOBIG: 'bad-value',
  SQLITE_MISMATCH: 'bad-value',
  SQLITE_CONSTRAINT_UNIQUE: 'conflict',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'conflict',
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_FULL: 'unavailable',
  SQLITE_CANTOPEN: 'unavailable',
  SQLITE_READONLY: 'unavailable',
};
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

function failureOfCode(code: string): StoreFailure | undefined {
  if (code in SQLITE_FAILURES) return SQLITE_FAILURES[code];
  if (code.startsWith('SQLITE_IOERR')) return 'unavailable';
  if (NETWORK.has(code)) return 'unavailable';
  if (!/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code.startsWith('22')) return 'bad-value';
  if (code === '23505') return 'conflict';
  if (code === '40001' || code === '40P01' || code === '55P03' || code === '57014') return 'busy';
  if (code.startsWith('08') || code.startsWith('53') || code.startsWith('57P')) return 'unavailable';
  return undefined;
}

/** The failure a database error (or one it caused, a few levels down) stands for. */
export function storeFailureOf(err: unknown): StoreFailure | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const code = codeOf(current);
    const failure = code === undefined ? undefined : failureOfCode(code);
    if (failure !== undefined) return failure;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
