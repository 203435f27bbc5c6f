import type { BookingAppointment } from '../graph/types';
import { SPECIAL_CUSTOMERS, generateSandboxData } from './index';
import { SERVICE_DEFINITIONS } from './services';
import { utcMs } from './test-support';

const DAY_MS = 86_400_000;
// Enough weeks back for an appointment before two weeks ago. Two staff as the service's test kits use
// (the least room for the weekly patients), and six for every staff profile.
const SCALES = [
  ['two staff', { customers: 30, staff: 2, daysBack: 21, daysAhead: 1 }],
  ['six staff', { customers: 30, staff: 6, daysBack: 21, daysAhead: 1 }],
] as const;

/** Every day of 2026 (both clock changes in Copenhagen, every month end, the year end) and a leap day. */
function sweep(): Date[] {
  const days: Date[] = [];
  for (let ms = Date.UTC(2026, 0, 1); ms <= Date.UTC(2027, 0, 1); ms += DAY_MS) days.push(new Date(ms));
  for (const leap of [Date.UTC(2028, 1, 28), Date.UTC(2028, 1, 29), Date.UTC(2028, 2, 1)]) days.push(new Date(leap));
  return days;
}

/** Invoiceable once ended: one attendee at a plain fixed or hourly price. */
const isPlainSession = (a: BookingAppointment): boolean =>
  a.customers.length === 1 && (a.priceType === 'fixedPrice' || a.priceType === 'hourly') && a.price > 0;

describe('what the seed holds whatever its date', () => {
  it.each(SCALES)(
    'with %s: on every day of a year, each special customer has an ended, invoiceable appointment in the 10 days before now and one before 14 days back, and every service of every staff member one ended in the last 10 days',
    (_name, scale) => {
      const missing: string[] = [];
      for (const day of sweep()) {
        // The seed depends only on the UTC day of now, so one seed answers for every instant of that day:
        // "ended" is checked against the day's first instant, "within 10 days" against its last.
        const business = generateSandboxData({ now: day, scale }).bookings.businesses[0]!;
        const dayStart = day.getTime();
        const dayEnd = dayStart + DAY_MS;
        const recent = new Set<string>();
        const older = new Set<string>();
        for (const a of business.appointments) {
          if (!isPlainSession(a)) continue;
          const start = utcMs(a.startDateTime);
          const id = a.customers[0]!.customerId;
          if (utcMs(a.endDateTime) <= dayStart && start >= dayEnd - 10 * DAY_MS) recent.add(id);
          if (start < dayStart - 14 * DAY_MS) older.add(id);
        }
        SPECIAL_CUSTOMERS.forEach((special, index) => {
          const id = business.customers[index]!.id;
          expect(business.customers[index]!.displayName).toBe(special.name);
          if (!recent.has(id)) missing.push(`${day.toISOString().slice(0, 10)} ${special.name}: none ended in the 10 days before`);
          if (!older.has(id)) missing.push(`${day.toISOString().slice(0, 10)} ${special.name}: none before 14 days back`);
        });
        // Every service each staff member offers, ended, from the start of the tenth day before.
        const served = new Set(
          business.appointments
            .filter((a) => utcMs(a.endDateTime) <= dayStart && utcMs(a.startDateTime) >= dayStart - 10 * DAY_MS)
            .map((a) => `${a.staffMemberIds[0]}|${a.serviceName}`),
        );
        business.staffMembers.forEach((member, index) => {
          for (const service of SERVICE_DEFINITIONS.filter((s) => s.weight > 0 && s.profiles.includes(index % 6))) {
            if (!served.has(`${member.id}|${service.displayName}`))
              missing.push(`${day.toISOString().slice(0, 10)} ${member.displayName}: no ended ${service.displayName}`);
          }
        });
      }
      expect(missing).toEqual([]);
    },
  );
});
