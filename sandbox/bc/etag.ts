import { entityChanged, missingIfMatch } from './errors';

/**
 * Business Central's etags are weak and opaque: base64 of `'<length>;<row version>;00;'`.
 * The emulator feeds a per-record version that changes on every write.
 */
export function etagFor(version: number): string {
  const rowVersion = String(version);
  const inner = `'${rowVersion.length};${rowVersion};00;'`;
  return `W/"${Buffer.from(inner, 'utf8').toString('base64')}"`;
}

/** Enforces If-Match on PATCH and DELETE: missing → 400 (BC requires it), stale → 409, `*` matches any. */
export function checkIfMatch(header: string | string[] | undefined, currentVersion: number): void {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') throw missingIfMatch();
  const tags = value.split(',').map((t) => t.trim());
  if (tags.includes('*')) return;
  if (!tags.includes(etagFor(currentVersion))) throw entityChanged();
}
