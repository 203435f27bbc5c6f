import { countGroupSessions, countWeekdays, countWeekendAppointments } from './schedule-rules';

/**
 * How big the generated clinic is. The defaults are the demo clinic; `appointments` asks for a total
 * (reached within 1%) and grows days back (up to a year), staff and customers to match, unless they are
 * given too.
 */
export interface SeedScale {
  appointments?: number;
  staff?: number;
  customers?: number;
  daysBack?: number;
  daysAhead?: number;
}

export interface ResolvedScale {
  staff: number;
  customers: number;
  firstDay: number;
  lastDay: number;
  /** Mean number of individual appointments per staff member per weekday (group classes and weekend mornings come on top). */
  appointmentsPerStaffDay: number;
}

const DEFAULT_STAFF = 6;
const DEFAULT_CUSTOMERS = 400;
const DEFAULT_DAYS_BACK = 120;
const DEFAULT_DAYS_AHEAD = 14;
const DEFAULT_PER_STAFF_DAY = 6;
// Roughly what the defaults produce, to scale days back in proportion.
const DEFAULT_APPOINTMENTS = 3500;
const MAX_DAYS_BACK = 365;
const APPOINTMENTS_PER_CUSTOMER = 9;

function wholeAtLeast(value: number | undefined, minimum: number, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < minimum) throw new RangeError(`scale.${name} must be an integer >= ${minimum}`);
  return value;
}

export function resolveScale(scale: SeedScale, today: number): ResolvedScale {
  const target = wholeAtLeast(scale.appointments, 0, 'appointments');
  const daysAhead = wholeAtLeast(scale.daysAhead, 0, 'daysAhead') ?? DEFAULT_DAYS_AHEAD;
  const daysBack =
    wholeAtLeast(scale.daysBack, 0, 'daysBack') ??
    (target === undefined
      ? DEFAULT_DAYS_BACK
      : Math.min(MAX_DAYS_BACK, Math.max(DEFAULT_DAYS_BACK, Math.round((DEFAULT_DAYS_BACK * target) / DEFAULT_APPOINTMENTS))));
  const firstDay = today - daysBack;
  const lastDay = today + daysAhead;
  const weekdays = Math.max(1, countWeekdays(firstDay, lastDay));
  const staff =
    wholeAtLeast(scale.staff, 1, 'staff') ?? (target === undefined ? DEFAULT_STAFF : Math.max(1, Math.ceil(target / (weekdays * DEFAULT_PER_STAFF_DAY))));
  const customers =
    wholeAtLeast(scale.customers, 1, 'customers') ??
    (target === undefined ? DEFAULT_CUSTOMERS : Math.max(DEFAULT_CUSTOMERS, Math.round(target / APPOINTMENTS_PER_CUSTOMER)));
  const appointmentsPerStaffDay =
    target === undefined
      ? DEFAULT_PER_STAFF_DAY
      : Math.max(0, target - countGroupSessions(firstDay, lastDay, staff) - countWeekendAppointments(firstDay, lastDay)) / (staff * weekdays);
  return { staff, customers, firstDay, lastDay, appointmentsPerStaffDay };
}
