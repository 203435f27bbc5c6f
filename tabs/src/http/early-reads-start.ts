import { type EarlyReads, startEarlyReads } from './early-reads';

/** Asked for as this module is evaluated: index.html runs it first, and main.ts imports it before any other module (early-reads.ts says why). */
export const earlyReads: EarlyReads = startEarlyReads(window);
