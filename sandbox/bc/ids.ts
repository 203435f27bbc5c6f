import { createHash } from 'node:crypto';

export const NIL_GUID = '00000000-0000-0000-0000-000000000000';

export function isBlankGuid(value: string | undefined): boolean {
  return value === undefined || value === '' || value === NIL_GUID;
}

/** A stable GUID for a code (a tax group, a unit of measure) that the seed gave no id for. */
export function guidForCode(kind: string, code: string): string {
  if (code === '') return NIL_GUID;
  const h = createHash('sha1').update(`${kind}:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function findById<T extends { id: string }>(records: readonly T[], id: string): T | undefined {
  // The id as stored first (the emulator's are lower case, and so are most callers'): a scan of plain
  // comparisons, where lower-casing each id made every invoice's customer look-up a scan of allocations.
  const exact = records.find((r) => r.id === id);
  if (exact !== undefined) return exact;
  const wanted = id.toLowerCase();
  return records.find((r) => r.id.toLowerCase() === wanted);
}
