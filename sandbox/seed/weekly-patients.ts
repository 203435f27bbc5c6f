import type { SeedCustomer } from './customers';
import type { ResolvedScale } from './scale';

/** A calendar week: five weekdays. */
const WEEK_OF_WEEKDAYS = 5;

/**
 * The special customers are the clinic's weekly patients, so that tests and demos find each of them
 * with an ended appointment whatever the seed's day: special customer i comes on the weekdays whose
 * number (weekdays since 1970) is i modulo `period`, for a plain fixed-price or hourly session. Any
 * `period` consecutive weekdays see every special customer once. With the default period of 5 that is
 * every calendar week, on the same weekday: the 7 days before the seed's day always hold one ended
 * appointment of each, and so does every earlier week of the window. The rule names absolute days, not
 * the seed's day, so a day's patients are the same whenever it is generated. A clinic too small for a
 * week's share a day spreads them over more weekdays; one with room for none places none.
 */
export interface WeeklyPatients {
  /**
   * The weekly patient in this staff member's slot on the weekday with this number, if any: the day's
   * patients take the first slots of every staff member in turn (slot 0 of each, then slot 1, ...).
   */
  at(weekdayNumber: number, staffIndex: number, slot: number): SeedCustomer | undefined;
  /** How many of the day's first slots of this staff member the weekly patients take. */
  slotsTaken(weekdayNumber: number, staffIndex: number): number;
}

/**
 * Each staff member sees at least `floor(mean) - 1` patients a day (see countFor), so that many places a
 * day per staff member are sure to exist.
 */
export function weeklyPatients(customers: readonly SeedCustomer[], specialCount: number, scale: ResolvedScale): WeeklyPatients {
  const base = Math.floor(scale.appointmentsPerStaffDay);
  const placesPerDay = scale.staff * Math.max(0, base - 1);
  const specials = customers.slice(0, specialCount);
  const period = placesPerDay === 0 ? 1 : Math.max(WEEK_OF_WEEKDAYS, Math.ceil(specials.length / placesPerDay));
  const byResidue = Array.from({ length: period }, (_, residue) => (placesPerDay === 0 ? [] : specials.filter((_, index) => index % period === residue)));
  return {
    at: (weekdayNumber, staffIndex, slot) => byResidue[weekdayNumber % period]?.[slot * scale.staff + staffIndex],
    slotsTaken: (weekdayNumber, staffIndex) => {
      const onDay = byResidue[weekdayNumber % period]?.length ?? 0;
      return onDay > staffIndex ? Math.ceil((onDay - staffIndex) / scale.staff) : 0;
    },
  };
}
