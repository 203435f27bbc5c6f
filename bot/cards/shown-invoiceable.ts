import { createHash } from 'node:crypto';
import type { AppointmentRow } from './card-input';

/**
 * What a card's Invoice button showed: the ready appointments and their amounts, as a short digest
 * the button carries. A click whose card showed other appointments than the selection holds now (a
 * sync brought more, one was excluded or repriced since the card was drawn) is answered with the card
 * as it stands instead of a run: the click invoices what the person saw, or nothing.
 */
export function shownInvoiceable(appointments: readonly AppointmentRow[]): string {
  const ready = appointments
    .filter((a) => a.reason === null)
    .map((a) => `${a.id}:${a.price === null ? '' : `${a.price.minor} ${a.price.currency}`}`)
    .sort();
  return createHash('sha256').update(ready.join('\n')).digest('base64url').slice(0, 22);
}
