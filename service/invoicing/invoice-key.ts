import { createHash } from 'node:crypto';

/** Business Central's externalDocumentNumber is Code[35]. */
export const EXTERNAL_DOCUMENT_NUMBER_LENGTH = 35;

const PREFIX = 'BKI-';
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return bits > 0 ? out + BASE32_ALPHABET[(buffer << (5 - bits)) & 31] : out;
}

/**
 * The idempotency key of one invoice: the same run, customer and appointments always give the same
 * key, whatever their order. The customer is part of it because a group booking puts one appointment
 * on each attendee's invoice. Only [A-Z0-9-], so Business Central's upper-casing changes nothing.
 */
export function externalDocumentNumber(runId: string, appointmentIds: readonly string[], customerEmail: string): string {
  if (appointmentIds.length === 0) throw new RangeError('an invoice key needs at least one appointment id');
  const ids = [...new Set(appointmentIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = createHash('sha256')
    .update(JSON.stringify([runId, customerEmail.trim().toLowerCase(), ids]))
    .digest();
  return PREFIX + base32(digest).slice(0, EXTERNAL_DOCUMENT_NUMBER_LENGTH - PREFIX.length);
}
