import { badRequest } from './errors';
import type { IdSource } from '../seed/id-source';
import { newAppointmentId } from './ids';
import type { AppointmentCreate, AppointmentPatch } from './schemas';
import type { BusinessState } from './state';
import { instantOf, isoDuration, utcDateTime } from './times';
import type { BookingAppointment, BookingCustomerInformation, DateTimeTimeZone } from './types';

export function createAppointment(business: BusinessState, body: AppointmentCreate, now: Date, ids: IdSource): BookingAppointment {
  const service = business.service(body.serviceId);
  if (!service) throw badRequest(`Invalid request body: serviceId: no bookingService '${body.serviceId}' in this business`);
  const stamp = now.toISOString();
  const draft: BookingAppointment = {
    id: newAppointmentId(ids),
    selfServiceAppointmentId: '00000000-0000-0000-0000-000000000000',
    additionalInformation: '',
    isLocationOnline: false,
    joinWebUrl: null,
    customerTimeZone: 'UTC',
    smsNotificationsEnabled: false,
    serviceId: service.id,
    serviceName: service.displayName,
    serviceNotes: '',
    duration: service.defaultDuration,
    preBuffer: service.preBuffer,
    postBuffer: service.postBuffer,
    price: service.defaultPrice,
    priceType: service.defaultPriceType,
    staffMemberIds: [...service.staffMemberIds],
    startDateTime: utcDateTime(0),
    endDateTime: utcDateTime(0),
    maximumAttendeesCount: service.maximumAttendeesCount,
    filledAttendeesCount: 0,
    optOutOfCustomerEmail: false,
    anonymousJoinWebUrl: null,
    createdDateTime: stamp,
    lastUpdatedDateTime: stamp,
    customers: [],
  };
  return applyPatch(business, draft, body, now);
}

/** The appointment with the body's fields applied; times are normalised to UTC and the duration follows them. */
export function applyPatch(business: BusinessState, current: BookingAppointment, body: AppointmentPatch, now: Date): BookingAppointment {
  const next: BookingAppointment = structuredClone(current);
  const start = readTime(body.startDateTime ?? body.start, 'startDateTime') ?? instantOf(current.startDateTime);
  const end = readTime(body.endDateTime ?? body.end, 'endDateTime') ?? instantOf(current.endDateTime);
  if (start === undefined || end === undefined) throw badRequest('Invalid request body: startDateTime/endDateTime: unreadable time');
  if (end < start) throw badRequest('Invalid request body: endDateTime: must not be before startDateTime');
  next.startDateTime = utcDateTime(start);
  next.endDateTime = utcDateTime(end);
  next.duration = isoDuration(end - start);

  if (body.serviceId !== undefined && body.serviceId !== current.serviceId) {
    const service = business.service(body.serviceId);
    if (!service) throw badRequest(`Invalid request body: serviceId: no bookingService '${body.serviceId}' in this business`);
    next.serviceId = service.id;
    next.serviceName = service.displayName;
  }
  if (body.serviceName !== undefined) next.serviceName = body.serviceName;
  if (body.staffMemberIds !== undefined) {
    const unknown = body.staffMemberIds.find((id) => !business.staffMembers.some((s) => s.id === id));
    if (unknown !== undefined) throw badRequest(`Invalid request body: staffMemberIds: no bookingStaffMember '${unknown}' in this business`);
    next.staffMemberIds = [...body.staffMemberIds];
  }
  if (body.customers !== undefined) {
    next.customers = customerInformation(business, body.customers);
    next.filledAttendeesCount = next.customers.length;
  }
  if (body.price !== undefined) next.price = body.price;
  if (body.priceType !== undefined) next.priceType = body.priceType;
  if (body.customerTimeZone !== undefined) next.customerTimeZone = body.customerTimeZone;
  if (body.isLocationOnline !== undefined) next.isLocationOnline = body.isLocationOnline;
  if (body.additionalInformation !== undefined) next.additionalInformation = body.additionalInformation;
  if (body.serviceNotes !== undefined) next.serviceNotes = body.serviceNotes;
  if (body.optOutOfCustomerEmail !== undefined) next.optOutOfCustomerEmail = body.optOutOfCustomerEmail;
  if (body.smsNotificationsEnabled !== undefined) next.smsNotificationsEnabled = body.smsNotificationsEnabled;
  if (body.maximumAttendeesCount !== undefined) next.maximumAttendeesCount = body.maximumAttendeesCount;
  if (body.preBuffer !== undefined) next.preBuffer = body.preBuffer;
  if (body.postBuffer !== undefined) next.postBuffer = body.postBuffer;
  next.lastUpdatedDateTime = now.toISOString();
  return next;
}

function readTime(value: DateTimeTimeZone | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const instant = instantOf(value);
  if (instant === undefined) throw badRequest(`Invalid request body: ${field}: cannot read '${value.dateTime}' in time zone '${value.timeZone}'`);
  return instant;
}

/**
 * As Graph documents, a customer id the business does not know is left out; missing details are
 * filled from the bookingCustomer.
 */
function customerInformation(business: BusinessState, input: NonNullable<AppointmentPatch['customers']>): BookingCustomerInformation[] {
  const out: BookingCustomerInformation[] = [];
  for (const item of input) {
    const known = business.customer(item.customerId);
    if (!known) continue;
    out.push({
      '@odata.type': '#microsoft.graph.bookingCustomerInformation',
      customerId: known.id,
      name: item.name ?? known.displayName,
      emailAddress: item.emailAddress ?? known.emailAddress,
      phone: item.phone ?? known.phones[0]?.number ?? '',
      timeZone: item.timeZone ?? 'UTC',
      notes: item.notes ?? '',
      location: null,
      customQuestionAnswers: [],
    });
  }
  return out;
}
