// IANA names are Area/Location words (or a bare word such as UTC); this shape alone rejects
// offsets like "+01:00" that newer Intl versions would accept as zones.
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * Names already resolved. Every read of the setup validates its zone (an Unbilled list request reads
 * it), and a new Intl.DateTimeFormat each time was about 0.4 ms of such a request's 5 ms of CPU.
 * Bounded: the names come from people's input.
 */
const resolved = new Map<string, string | undefined>();
const RESOLVED_KEPT = 64;

/** The zone as Intl resolves it, or undefined when Intl does not know it (Windows names, garbage). */
function resolve(name: string): string | undefined {
  if (resolved.has(name)) return resolved.get(name);
  const zone = resolveOnce(name);
  if (resolved.size >= RESOLVED_KEPT) resolved.clear();
  resolved.set(name, zone);
  return zone;
}

function resolveOnce(name: string): string | undefined {
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
