import { createHash } from 'node:crypto';

/**
 * Ids are derived from a key naming the record (seed, kind, position) through SHA-256 rather than drawn
 * from the PRNG: a 32-bit PRNG state cannot give 100,000 distinct ids without collisions, a hash can.
 */
export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

function guidFromDigest(bytes: Buffer): string {
  const hex = bytes.toString('hex', 0, 16);
  // Version 4, RFC 4122 variant: the two fields that make a random GUID look like one.
  const version = `4${hex.slice(13, 16)}`;
  const variant = `${(((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8) >>> 0).toString(16)}${hex.slice(17, 20)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}

/** A version-4-shaped GUID, as Graph and Business Central use for most ids. */
export function guidFor(key: string): string {
  return guidFromDigest(digest(key));
}

// The mailbox part of an Exchange item id: the same for every appointment of one business, as in Graph.
const EXCHANGE_ID_HEADER = Buffer.from('AAMkADc3MWUyMGQ5LTQ2ZTUtNDU4ZC04NmU0LTRlZDFhYjY4ZTg3ZgBGAAAA', 'base64');

/**
 * An Exchange-style appointment id ('AAMkADc3...') and its self-service GUID, from one hash (the seed
 * makes 100,000 of them for benchmarks). The id's length varies so that some end in '=' or '==', and it
 * keeps '+' from standard base64. Real Bookings ids can also hold '/', which even Graph cannot route
 * (microsoft-graph-explorer-v4#4029); the emulators address ids as one path segment, so '/' is written
 * as '-'.
 */
export function appointmentIdsFor(key: string): { id: string; selfServiceId: string } {
  const hash = digest(key);
  const extra = (hash[31] ?? 0) % 3;
  const id = Buffer.concat([EXCHANGE_ID_HEADER, hash, hash.subarray(0, extra)])
    .toString('base64')
    .replace(/\//g, '-');
  return { id, selfServiceId: guidFromDigest(hash.subarray(16)) };
}
