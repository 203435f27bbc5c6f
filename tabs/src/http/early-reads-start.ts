import { type EarlyReads, startEarlyReads } from './early-reads';

/** Asked for as this module is evaluated: main.ts imports it before every other module (early-reads.ts says why). */
export const earlyReads: EarlyReads = startEarlyReads(window);
