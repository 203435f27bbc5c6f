import { type AdaptiveCardJson, cardBytes } from './render-card';

/** Teams refuses a message over about 28 KB, envelope included. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28_000;
/**
 * Room for the activity around the card: ids, conversation reference, service URL, channel
 * data and the attachment wrapper come to 1-2 KB; the rest is margin.
 */
export const ENVELOPE_HEADROOM_BYTES = 3_000;
export const CARD_BYTE_BUDGET = TEAMS_MESSAGE_LIMIT_BYTES - ENVELOPE_HEADROOM_BYTES;

export class CardTooLargeError extends Error {
  override readonly name = 'CardTooLargeError';
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`card is ${bytes} bytes with no rows listed; the limit is ${maxBytes}`);
  }
}

export interface FittedCard {
  card: AdaptiveCardJson;
  rowsShown: number;
  bytes: number;
}

/**
 * The card listing as many of the first `maxRows` rows as fit in `maxBytes`: `build(n)` must list
 * n rows and summarise the rest ("and 437 more"). Binary search, since the size grows with n.
 */
export function fitToLimit(build: (rowsShown: number) => AdaptiveCardJson, maxRows: number, maxBytes: number = CARD_BYTE_BUDGET): FittedCard {
  const first = build(maxRows);
  const firstBytes = cardBytes(first);
  if (firstBytes <= maxBytes) return { card: first, rowsShown: maxRows, bytes: firstBytes };
  let best: FittedCard | undefined;
  let low = 0;
  let high = maxRows - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const card = build(mid);
    const bytes = cardBytes(card);
    if (bytes <= maxBytes) {
      best = { card, rowsShown: mid, bytes };
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (!best) throw new CardTooLargeError(cardBytes(build(0)), maxBytes);
  return best;
}
