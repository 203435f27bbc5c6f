/**
 * Names in the order a Danish reader expects: Æ, Ø and Å after Z (in that order), aa as å, and
 * case and accents second. One collator for the tab, the CLI and the bot.
 */
export const danishCollator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

export function compareDanish(a: string, b: string): number {
  return danishCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A sorted copy, by the key's Danish order. */
export function sortDanish<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareDanish(key(a), key(b)));
}
