import { isWeekday, weekdayOf } from './calendar';

/** Staff member i follows profile i % 6: which services they offer and whether they teach the group class. */
export function profileOf(staffIndex: number): number {
  return staffIndex % 6;
}

/** Pilates: profile 4 teaches Mondays and Wednesdays, profile 5 Tuesdays and Thursdays, after their last patient. */
export function teachesGroupOn(staffIndex: number, epochDay: number): boolean {
  const weekday = weekdayOf(epochDay);
  switch (profileOf(staffIndex)) {
    case 4:
      return weekday === 1 || weekday === 3;
    case 5:
      return weekday === 2 || weekday === 4;
    default:
      return false;
  }
}

/**
 * Saturdays and Sundays one staff member is on call for a short morning of plain sessions at list
 * price, so that every day of the week, "yesterday" included, holds ended invoiceable appointments.
 */
export const WEEKEND_APPOINTMENTS = 3;

/** Who is on call on a weekend day: the staff take turns by week, skipping those who offer no plain session. */
export function onCallStaffIndex(epochDay: number, staffCount: number, offersPlainSessions: (staffIndex: number) => boolean): number | undefined {
  const week = Math.floor(epochDay / 7);
  for (let step = 0; step < staffCount; step++) {
    const index = (week + step) % staffCount;
    if (offersPlainSessions(index)) return index;
  }
  return undefined;
}

export function countWeekendAppointments(firstDay: number, lastDay: number): number {
  return (lastDay - firstDay + 1 - countWeekdays(firstDay, lastDay)) * WEEKEND_APPOINTMENTS;
}

export function countWeekdays(firstDay: number, lastDay: number): number {
  let count = 0;
  for (let day = firstDay; day <= lastDay; day++) if (isWeekday(day)) count++;
  return count;
}

export function countGroupSessions(firstDay: number, lastDay: number, staffCount: number): number {
  let count = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    for (let staff = 4; staff < staffCount; staff += 6) if (teachesGroupOn(staff, day)) count++;
    for (let staff = 5; staff < staffCount; staff += 6) if (teachesGroupOn(staff, day)) count++;
  }
  return count;
}

/** How many weekdays lie before the day since 1970: consecutive weekdays get consecutive numbers. */
export function weekdayNumber(epochDay: number): number {
  const weeks = Math.floor(epochDay / 7);
  let count = weeks * 5;
  for (let day = weeks * 7; day < epochDay; day++) if (isWeekday(day)) count++;
  return count;
}
