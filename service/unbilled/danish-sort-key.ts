import { sql, type RawBuilder } from 'kysely';

/**
 * Letters rewritten so that byte order (SQLite's, and PostgreSQL's under collate "C") is Danish
 * order: Æ, Ø and Å after Z in that order, AA read as Å, Ä and Ö as Æ and Ø, Ü as Y, É and È as E
 * (as Intl.Collator('da') has them). The three come out as '{', '|' and '}', the bytes after 'z'.
 * Neither store can do it by itself: SQLite has no locale collation (better-sqlite3 registers none),
 * and a PostgreSQL ICU collation would sort apart from SQLite and depends on how the server was built.
 * Only lower-case ASCII is left besides: SQLite's lower() touches nothing else, hence both cases here.
 */
const REWRITES: readonly (readonly [string, string])[] = [
  ['Æ', '{'],
  ['æ', '{'],
  ['Ä', '{'],
  ['ä', '{'],
  ['Ø', '|'],
  ['ø', '|'],
  ['Ö', '|'],
  ['ö', '|'],
  ['Å', '}'],
  ['å', '}'],
  ['aa', '}'],
  ['Ü', 'y'],
  ['ü', 'y'],
  ['É', 'e'],
  ['é', 'e'],
  ['È', 'e'],
  ['è', 'e'],
];

/** The sort key of a text column or expression: lower-cased, Danish letters rewritten (see REWRITES). */
export function danishSortKey(expression: RawBuilder<unknown>): RawBuilder<unknown> {
  // 'aa' is matched after lower(), so "Aase" and "AAGE" read as å too.
  return REWRITES.reduce<RawBuilder<unknown>>((key, [from, to]) => sql`replace(${key}, ${sql.lit(from)}, ${sql.lit(to)})`, sql`lower(${expression})`);
}
