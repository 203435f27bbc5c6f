/** The escape character every LIKE pattern built here declares (`escape '\'`). */
export const LIKE_ESCAPE = '\\';

/** A LIKE pattern matching `text` anywhere, its own %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}
