import { windowsToIana } from './windows-time-zones';

const validIana = new Map<string, boolean>();

function isIanaZone(name: string): boolean {
  let ok = validIana.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      ok = true;
    } catch {
      ok = false;
    }
    validIana.set(name, ok);
  }
  return ok;
}

/** A time zone as Graph names it (Windows id or IANA name) as an IANA name `Intl` accepts; undefined if unknown. */
export function resolveTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  return windowsToIana(trimmed) ?? (isIanaZone(trimmed) ? trimmed : undefined);
}
