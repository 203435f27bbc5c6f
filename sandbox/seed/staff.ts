import type { BookingStaffMember } from '../graph/types';
import { CLINIC_TIME_ZONE } from './constants';
import { guidFor } from './ids';
import { FIRST_NAMES, LAST_NAMES, asciiFold } from './names';
import { createRng } from './prng';

// The clinic's own six; benchmark scales add more staff who follow these profiles in turn.
const CORE_STAFF: ReadonlyArray<Pick<BookingStaffMember, 'displayName' | 'emailAddress' | 'role'>> = [
  { displayName: 'Mette Lindqvist', emailAddress: 'mette@nordlys.onmicrosoft.com', role: 'administrator' },
  { displayName: 'Jonas Bæk', emailAddress: 'jonas@nordlys.onmicrosoft.com', role: 'teamMember' },
  { displayName: 'Sofie Ærenlund', emailAddress: 'sofie@nordlys.onmicrosoft.com', role: 'teamMember' },
  { displayName: 'Ahmed Khalil', emailAddress: 'ahmed@nordlys.onmicrosoft.com', role: 'teamMember' },
  { displayName: 'Line Sørensen', emailAddress: 'line@nordlys.onmicrosoft.com', role: 'scheduler' },
  { displayName: 'Camille Dupré', emailAddress: 'camille@nordlys.onmicrosoft.com', role: 'teamMember' },
];

export function buildStaff(seed: number, count: number): BookingStaffMember[] {
  const staff: BookingStaffMember[] = [];
  for (let index = 0; index < count; index++) {
    const core = CORE_STAFF[index];
    const rng = createRng(seed, 'staff', index);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    staff.push({
      id: guidFor(`${seed}|staff|${index}`),
      displayName: core?.displayName ?? `${first} ${last}`,
      emailAddress: core?.emailAddress ?? `${asciiFold(first)}.${asciiFold(last)}.${index}@nordlys.onmicrosoft.com`,
      role: core?.role ?? 'teamMember',
      timeZone: CLINIC_TIME_ZONE,
      useBusinessHours: true,
      isEmailNotificationEnabled: index % 3 !== 2,
    });
  }
  return staff;
}
