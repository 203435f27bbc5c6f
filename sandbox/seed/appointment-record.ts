import type { BookingAppointment, BookingCustomerInformation, BookingService } from '../graph/types';
import { graphDateTime, isoDuration } from './calendar';
import type { SeedCustomer } from './customers';
import type { AppointmentTerms } from './appointment-pricing';
import type { Rng } from './prng';
import type { ServiceDefinition } from './services';

const MINUTE_MS = 60_000;
const NOTES: readonly string[] = [
  'Knæ, venstre',
  'Lændesmerter siden marts',
  'Skulder efter fald',
  'Henvist af egen læge',
  'Ønsker faktura til arbejdsgiver',
  'Kontrol efter operation',
];

export interface AppointmentDraft {
  id: string;
  selfServiceAppointmentId: string;
  start: Date;
  terms: AppointmentTerms;
  definition: ServiceDefinition;
  service: BookingService;
  staffMemberIds: string[];
  customers: readonly SeedCustomer[];
  /** Start of the seed's day: nothing is created or updated later than this. */
  todayMs: number;
}

function customerInformation(customer: SeedCustomer, rng: Rng): BookingCustomerInformation {
  return {
    '@odata.type': '#microsoft.graph.bookingCustomerInformation',
    customerId: customer.record.id,
    name: customer.record.displayName,
    emailAddress: customer.record.emailAddress,
    phone: customer.phone,
    timeZone: customer.timeZone,
    notes: rng.chance(0.1) ? rng.pick(NOTES) : '',
    location: null,
    customQuestionAnswers: [],
  };
}

export function appointmentRecord(draft: AppointmentDraft, rng: Rng): BookingAppointment {
  const { start, terms, definition, service } = draft;
  const startMs = start.getTime();
  const end = new Date(startMs + terms.minutes * MINUTE_MS);
  const createdMs = Math.min(startMs - rng.int(60, 40 * 24 * 60) * MINUTE_MS, draft.todayMs - rng.int(1, 600) * MINUTE_MS);
  const updatedMs = rng.chance(0.2) ? Math.min(createdMs + rng.int(5, 7 * 24 * 60) * MINUTE_MS, startMs, draft.todayMs) : createdMs;
  const firstCustomer = draft.customers[0];
  return {
    id: draft.id,
    selfServiceAppointmentId: draft.selfServiceAppointmentId,
    additionalInformation: '',
    isLocationOnline: definition.online,
    joinWebUrl: definition.online ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${draft.selfServiceAppointmentId}%40thread.v2/0` : null,
    customerTimeZone: firstCustomer?.timeZone ?? '',
    smsNotificationsEnabled: false,
    serviceId: service.id,
    serviceName: service.displayName,
    serviceNotes: '',
    duration: isoDuration(terms.minutes),
    preBuffer: service.preBuffer,
    postBuffer: service.postBuffer,
    price: terms.price,
    priceType: terms.priceType,
    staffMemberIds: draft.staffMemberIds,
    startDateTime: { dateTime: graphDateTime(start), timeZone: 'UTC' },
    endDateTime: { dateTime: graphDateTime(end), timeZone: 'UTC' },
    maximumAttendeesCount: definition.maximumAttendees,
    filledAttendeesCount: draft.customers.length,
    optOutOfCustomerEmail: false,
    anonymousJoinWebUrl: null,
    createdDateTime: new Date(createdMs).toISOString(),
    lastUpdatedDateTime: new Date(updatedMs).toISOString(),
    customers: draft.customers.map((customer) => customerInformation(customer, rng)),
  };
}
