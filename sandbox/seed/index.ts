import { systemClock } from '../../service/domain/clock';
import type { BcSeed } from '../bc/types';
import type { BookingsSeed } from '../graph/types';
import { buildBcSeed } from './bc-seed';
import { buildBookingsSeed } from './bookings-seed';
import { DAY_MS, epochDayOf } from './calendar';
import { buildCustomers } from './customers';
import { resolveScale, type SeedScale } from './scale';

export { CLINIC_CURRENCY, CLINIC_TIME_ZONE, SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID, SANDBOX_ENVIRONMENT, SANDBOX_TENANT } from './constants';
export type { SeedScale } from './scale';
export { SPECIAL_CUSTOMERS, type SpecialCustomer } from './special-customers';

export interface SandboxDataOptions {
  /** Default 1. */
  seed?: number;
  /** Only its UTC calendar day matters: all dates are relative to that day. Default: the real time (for `npm start`; tests fix it). */
  now?: Date;
  scale?: SeedScale;
}

export interface SandboxData {
  bookings: BookingsSeed;
  bc: BcSeed;
}

/**
 * The sandbox's Bookings business and Business Central company: the same for the same seed and UTC day,
 * fresh objects on every call (the emulators may mutate them).
 */
export function generateSandboxData(options: SandboxDataOptions = {}): SandboxData {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const today = epochDayOf(options.now ?? systemClock());
  const todayMs = today * DAY_MS;
  const scale = resolveScale(options.scale ?? {}, today);
  const customers = buildCustomers(seed, scale.customers, scale.firstDay * DAY_MS);
  return {
    bookings: buildBookingsSeed(seed, scale, customers, todayMs),
    bc: buildBcSeed(seed, customers, today),
  };
}
