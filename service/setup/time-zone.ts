// IANA names are Area/Location words (or a bare word such as UTC); this shape alone rejects
// offsets like "+01:00" that newer Intl versions would accept as zones.
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The zone as Intl resolves it, or undefined when Intl does not know it (Windows names, garbage). */
function resolve(name: string): string | undefined {
  if (!IANA_SHAPE.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** True for a time zone name Intl can compute with, such as Europe/Copenhagen. */
export function isIanaTimeZone(name: string): boolean {
  return resolve(name) !== undefined;
}

/**
 * Fixes the letter case ("europe/copenhagen" becomes "Europe/Copenhagen") but keeps the name the
 * user chose otherwise: Intl maps some legacy names to another zone (EST to America/Panama).
 */
export function canonicalTimeZoneCase(name: string): string {
  const resolved = resolve(name);
  return resolved !== undefined && resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}
