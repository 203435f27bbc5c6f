import type { SeedScale } from '../../sandbox/seed';
import { CUSTOMER_CREATE_LEASE_MS } from '../../service/sync/customers/customer-create-lease';

/** The emulators' token in a chaos run (the app sends it with AUTH_MODE=static). */
export const CHAOS_TOKEN = 'chaos-token';

/**
 * A small clinic: a sync reads it in well under a second, so a trial's seconds go to faults, not to data.
 * Three weeks back hold every special customer and every service at least once (see the seed's rules).
 */
export const CHAOS_SCALE: SeedScale = { staff: 2, customers: 60, daysBack: 21, daysAhead: 2 };

/** Every trial's business day starts here (a Wednesday), so no trial depends on today's date. */
export const CHAOS_CLOCK_START = new Date('2026-11-18T12:00:00.000Z');

/** The clients' timeout in the app processes: short, so a slow emulator outlasts it within a trial. */
export const CHAOS_HTTP_TIMEOUT_MS = 2_000;

/**
 * How far the clock jumps before settling: past every lease a stopped process can leave held, the
 * longest being the customer-creation lease (5 min; a run that needs it waits for it), beyond the
 * sync lease (60 s) and the invoice runs' (2 min). Seed 2294 of the long run waited on a 5-minute
 * lease behind a 2-minute jump and did not settle in time.
 */
export const SETTLE_CLOCK_SKIP_MS = CUSTOMER_CREATE_LEASE_MS + 60_000;
