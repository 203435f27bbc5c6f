import { CARD_BYTE_BUDGET } from './fit-to-limit';

/** How long a card's lists may get: a readable few by default, fewer when bytes run short. */
export interface ListOptions {
  maxRows?: number;
  maxBytes?: number;
}

export const DEFAULT_MAX_ROWS = 25;

export function listLimits(options: ListOptions, rowCount: number): { maxRows: number; maxBytes: number } {
  return {
    maxRows: Math.min(rowCount, options.maxRows ?? DEFAULT_MAX_ROWS),
    maxBytes: options.maxBytes ?? CARD_BYTE_BUDGET,
  };
}
