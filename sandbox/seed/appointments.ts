import type { BookingAppointment, BookingService, BookingStaffMember } from '../graph/types';
import { appointmentRecord, type AppointmentDraft } from './appointment-record';
import { termsFor, type AppointmentTerms } from './appointment-pricing';
import { dateOf, isWeekday } from './calendar';
import { CLINIC_TIME_ZONE } from './constants';
import type { SeedCustomer } from './customers';
import { appointmentIdsFor } from './ids';
import { createRng, type Rng } from './prng';
import type { ResolvedScale } from './scale';
import { onCallStaffIndex, profileOf, teachesGroupOn, WEEKEND_APPOINTMENTS, weekdayNumber } from './schedule-rules';
import { FOLLOW_UP_SERVICE_KEY, GROUP_SERVICE_KEY, SERVICE_DEFINITIONS, type ServiceDefinition } from './services';
import { SPECIAL_CUSTOMERS } from './special-customers';
import { weeklyPatients } from './weekly-patients';
import { zonedTimeToUtc } from '../../service/domain/zoned-time';

export interface ScheduleInput {
  seed: number;
  scale: ResolvedScale;
  staff: readonly BookingStaffMember[];
  servicesByKey: ReadonlyMap<string, BookingService>;
  customers: readonly SeedCustomer[];
  todayMs: number;
}

// Minutes between one patient and the next; a lunch break comes half way through the day.
const GAPS: readonly number[] = [0, 0, 0, 5, 10, 15, 15, 30];
const DAY_STARTS: readonly number[] = [7 * 60 + 30, 8 * 60, 8 * 60, 8 * 60 + 30, 9 * 60];
const LUNCH_MINUTES = 30;
const GROUP_EARLIEST_START = 17 * 60;
const GROUP_MIN_ATTENDEES = 3;
const WEEKEND_DAY_START = 9 * 60;

/** The mean is exactly `mean`: floor or ceiling by its fraction, then an even ±1 for day-to-day variety. */
function countFor(rng: Rng, mean: number): number {
  const base = Math.floor(mean);
  const count = base + (rng.next() < mean - base ? 1 : 0);
  return base >= 1 ? count + rng.int(-1, 1) : count;
}

function distinctCustomers(rng: Rng, customers: readonly SeedCustomer[], count: number): SeedCustomer[] {
  const chosen = new Set<number>();
  const wanted = Math.min(count, customers.length);
  while (chosen.size < wanted) chosen.add(rng.int(0, customers.length - 1));
  return [...chosen].map((index) => customers[index] as SeedCustomer);
}

/** A session at the service's list terms: a weekly patient's is always invoiceable once it has ended. */
function listTerms(service: ServiceDefinition): AppointmentTerms {
  return { minutes: service.minutes, price: service.price, priceType: service.priceType };
}

const isPlainlyPriced = (service: ServiceDefinition): boolean =>
  (service.priceType === 'fixedPrice' || service.priceType === 'hourly') && service.price > 0 && service.maximumAttendees === 1;

/**
 * Every weekday in the window, each staff member's individual appointments one after the other from the
 * morning, then the group class on the days they teach it. The special customers come as weekly patients
 * (see weekly-patients.ts) in the first slots of the day; the next slot goes round the services the staff
 * member offers, one a weekday at its list terms, so that any six weekdays (the most a profile offers),
 * hence the ten days before any date, hold an ended appointment of every service and price type the
 * staff offer. Both rules name absolute weekdays. Saturdays and Sundays one staff member is on call for
 * a short morning (see WEEKEND_APPOINTMENTS), so that any day's "yesterday" has something to invoice.
 * Each (day, staff member) and each weekend day has its own random stream and
 * ids name the day, so a sandbox restarted the next day serves the same ids, times, services, prices and
 * customers for the days both windows cover (at the default scale; only creation times of recent bookings
 * are clamped to the seed's day).
 */
export function buildAppointments(input: ScheduleInput): BookingAppointment[] {
  const { seed, scale, staff, servicesByKey, customers, todayMs } = input;
  const servicesOf = [0, 1, 2, 3, 4, 5].map((profile) =>
    SERVICE_DEFINITIONS.filter((service) => service.weight > 0 && service.profiles.includes(profile)).map((service) => [service, service.weight] as const),
  );
  const groupService = SERVICE_DEFINITIONS.find((service) => service.key === GROUP_SERVICE_KEY);
  const plainlyPricedOf = servicesOf.map((offered) => offered.filter(([service]) => isPlainlyPriced(service)));
  const companies = customers.filter((customer) => customer.kind === 'company');
  const weekly = weeklyPatients(customers, Math.min(SPECIAL_CUSTOMERS.length, customers.length), scale);
  // Copenhagen changes its clocks on the hour, so one conversion per local hour serves its minutes.
  const utcMsByLocalHour = new Map<number, number>();
  const toUtc = (day: number, minute: number): Date => {
    const hour = Math.floor(minute / 60);
    const key = day * 24 + hour;
    let hourMs = utcMsByLocalHour.get(key);
    if (hourMs === undefined) {
      hourMs = zonedTimeToUtc({ ...dateOf(day), hour, minute: 0 }, CLINIC_TIME_ZONE).getTime();
      utcMsByLocalHour.set(key, hourMs);
    }
    return new Date(hourMs + (minute % 60) * 60_000);
  };
  const serviceRecord = (definition: ServiceDefinition): BookingService => {
    const service = servicesByKey.get(definition.key);
    if (!service) throw new Error(`service ${definition.key} missing from the seed`);
    return service;
  };

  const appointments: BookingAppointment[] = [];
  /** One appointment, its ids named by `key` (the day and the slot), so that a day's are the same whenever it is generated. */
  const book = (
    key: string,
    session: Omit<AppointmentDraft, 'id' | 'selfServiceAppointmentId' | 'start' | 'service' | 'todayMs'>,
    day: number,
    startMinute: number,
    rng: Rng,
  ) => {
    const ids = appointmentIdsFor(key);
    const draft: AppointmentDraft = {
      ...session,
      id: ids.id,
      selfServiceAppointmentId: ids.selfServiceId,
      start: toUtc(day, startMinute),
      service: serviceRecord(session.definition),
      todayMs,
    };
    appointments.push(appointmentRecord(draft, rng));
  };

  // Weekend mornings are invoiceable as the sandbox stands: ordinary patients with an email (the special
  // customers keep their weekday rhythm), and not the follow-up, whose name collides with an item
  // Business Central already has (bc-items.ts) and so waits for a person to link it.
  const ordinary = customers.filter((customer) => !customer.special && customer.kind === 'person' && customer.record.emailAddress !== '');
  const weekendServicesOf = plainlyPricedOf.map((offered) => offered.filter(([service]) => service.key !== FOLLOW_UP_SERVICE_KEY));
  const weekendMorning = (day: number) => {
    const staffIndex = onCallStaffIndex(day, staff.length, (index) => (weekendServicesOf[profileOf(index)] ?? []).length > 0);
    const member = staffIndex === undefined ? undefined : staff[staffIndex];
    if (member === undefined || staffIndex === undefined || ordinary.length === 0) return;
    const rng = createRng(seed, 'weekend', day);
    let cursor = WEEKEND_DAY_START;
    for (let slot = 0; slot < WEEKEND_APPOINTMENTS; slot++) {
      const definition = rng.weighted(weekendServicesOf[profileOf(staffIndex)] ?? []);
      const terms = listTerms(definition);
      cursor += rng.pick(GAPS);
      const startMinute = cursor + definition.preBufferMinutes;
      cursor = startMinute + terms.minutes + definition.postBufferMinutes;
      book(`${seed}|weekend|${day}|${slot}`, { terms, definition, staffMemberIds: [member.id], customers: [rng.pick(ordinary)] }, day, startMinute, rng);
    }
  };

  let weekday = weekdayNumber(scale.firstDay);
  for (let day = scale.firstDay; day <= scale.lastDay; day++) {
    if (!isWeekday(day)) {
      weekendMorning(day);
      continue;
    }
    staff.forEach((member, staffIndex) => {
      const rng = createRng(seed, 'day', day, 'staff', staffIndex);
      const offered = servicesOf[profileOf(staffIndex)] ?? [];
      const rotationSlot = weekly.slotsTaken(weekday, staffIndex);
      const rotating = offered[weekday % Math.max(1, offered.length)]?.[0];
      const count = offered.length > 0 ? Math.max(countFor(rng, scale.appointmentsPerStaffDay), rotationSlot + 1) : 0;
      const lunchAfter = Math.floor(count / 2);
      let cursor = rng.pick(DAY_STARTS);
      for (let slot = 0; slot < count; slot++) {
        const patient = weekly.at(weekday, staffIndex, slot);
        const rotated = slot === rotationSlot ? rotating : undefined;
        const definition = rotated ?? rng.weighted(patient ? (plainlyPricedOf[profileOf(staffIndex)] ?? []) : offered);
        const terms = patient || rotated ? listTerms(definition) : termsFor(definition, rng);
        cursor += rng.pick(GAPS) + (slot === lunchAfter && slot > 0 ? LUNCH_MINUTES : 0);
        const startMinute = cursor + definition.preBufferMinutes;
        cursor = startMinute + terms.minutes + definition.postBufferMinutes;
        const customer =
          patient ??
          (definition.key === 'ergonomics' && companies.length > 0 && rng.chance(0.7) ? rng.pick(companies) : customers[rng.int(0, customers.length - 1)]);
        const session = { terms, definition, staffMemberIds: [member.id], customers: customer ? [customer] : [] };
        book(`${seed}|appointment|${day}|${staffIndex}|${slot}`, session, day, startMinute, rng);
      }
      if (groupService && teachesGroupOn(staffIndex, day)) {
        const startMinute = Math.max(GROUP_EARLIEST_START, Math.ceil((cursor + 10) / 15) * 15);
        const attendees = distinctCustomers(rng, customers, rng.int(GROUP_MIN_ATTENDEES, groupService.maximumAttendees));
        const session = { terms: termsFor(groupService, rng), definition: groupService, staffMemberIds: [member.id], customers: attendees };
        book(`${seed}|group|${day}|${staffIndex}`, session, day, startMinute, rng);
      }
    });
    weekday++;
  }
  return appointments;
}
