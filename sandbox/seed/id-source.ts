import { createHash } from 'node:crypto';
import { guidFor } from './ids';

/**
 * Ids for the records an emulator creates while it runs (customers, invoices, request ids): the nth id
 * of a kind is a hash of (scope, kind, n). A run is reproducible from its scope, yet ids never collide as
 * draws from a 32-bit PRNG state could, and a test that forces faults cannot force ids.
 */
export interface IdSource {
  /** A version-4-shaped GUID. */
  guid(kind: string): string;
  /** `length` bytes (at most 64) for ids of other shapes. */
  bytes(kind: string, length: number): Buffer;
}

export function createIdSource(scope: string): IdSource {
  const counts = new Map<string, number>();
  const nextKey = (kind: string): string => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    return `${scope}|${kind}|${n}`;
  };
  return {
    guid: (kind) => guidFor(nextKey(kind)),
    bytes: (kind, length) => {
      if (length > 64) throw new RangeError('at most 64 bytes');
      return createHash('sha512').update(nextKey(kind)).digest().subarray(0, length);
    },
  };
}
