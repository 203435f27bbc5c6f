import type { BookingService, BookingsSeed } from '../graph/types';
import { buildAppointments } from './appointments';
import { CLINIC_BUSINESS } from './business';
import type { SeedCustomer } from './customers';
import type { ResolvedScale } from './scale';
import { SERVICE_DEFINITIONS, buildService } from './services';
import { buildStaff } from './staff';

export function buildBookingsSeed(seed: number, scale: ResolvedScale, customers: readonly SeedCustomer[], todayMs: number): BookingsSeed {
  const staffMembers = buildStaff(seed, scale.staff);
  const staffIds = staffMembers.map((member) => member.id);
  const servicesByKey = new Map<string, BookingService>(SERVICE_DEFINITIONS.map((definition) => [definition.key, buildService(seed, definition, staffIds)]));
  const appointments = buildAppointments({ seed, scale, staff: staffMembers, servicesByKey, customers, todayMs });
  return {
    businesses: [
      {
        business: { ...CLINIC_BUSINESS, address: { ...CLINIC_BUSINESS.address } },
        staffMembers,
        services: [...servicesByKey.values()],
        customers: customers.map((customer) => customer.record),
        appointments,
      },
    ],
  };
}
