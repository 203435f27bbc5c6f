import type { z } from 'zod';
import type { Logger } from '../../logging/logger';
import { GRAPH_SCOPE, type TokenProvider } from '../auth/token-provider';
import { HttpClient, type FetchFn } from '../http/http-client';
import { KeyedLimiter } from '../http/keyed-limiter';
import { odataPages } from '../http/odata-pages';
import { getEntityOrNull } from '../http/parse-body';
import { parseRecords, type InvalidRecord } from '../http/parse-records';
import type { RetryOptions } from '../http/retry-policy';
import { getAppointmentsByIds, type AppointmentsByIds } from './appointments-by-ids';
import { bookingAppointmentSchema, type BookingAppointment } from './schemas/booking-appointment';
import { parseAppointments } from './schemas/booking-appointment-fast';
import { bookingBusinessSchema, type BookingBusiness } from './schemas/booking-business';
import { bookingCustomerSchema, type BookingCustomer } from './schemas/booking-customer';
import { bookingServiceSchema, type BookingService } from './schemas/booking-service';
import { bookingStaffMemberSchema, type BookingStaffMember } from './schemas/booking-staff-member';
import { businessKey } from '../../domain/business-key';
import { graphPathSegment } from './path-segment';

/** Bookings allows 4 concurrent requests per app per mailbox. */
export const MAILBOX_CONCURRENCY = 4;

export interface BookingsClientOptions {
  /** e.g. `https://graph.microsoft.com/v1.0` (no trailing slash needed). */
  baseUrl: string;
  tokenProvider: TokenProvider;
  logger?: Logger;
  retry?: Partial<RetryOptions>;
  fetch?: FetchFn;
  timeoutMs?: number;
}

export interface CalendarViewPage {
  appointments: BookingAppointment[];
  invalid: InvalidRecord[];
  /** Absent on the last page. */
  nextLink?: string;
}

export interface CalendarViewOptions {
  /** Resume from a checkpointed next link instead of the first page. */
  nextLink?: string;
}

export type Listed<K extends string, T> = { [key in K]: T[] } & { invalid: InvalidRecord[] };

/** Microsoft Graph Bookings, read side; every call on one mailbox shares its 4 concurrent slots. */
export class BookingsClient {
  private readonly http: HttpClient;
  private readonly baseUrl: string;
  private readonly logger: Logger | undefined;

  constructor(options: BookingsClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.logger = options.logger;
    this.http = new HttpClient({
      tokenProvider: options.tokenProvider,
      scope: GRAPH_SCOPE,
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      limiter: new KeyedLimiter(MAILBOX_CONCURRENCY),
      logger: options.logger,
    });
  }

  /** id and displayName of each business (at most 500, not paged). */
  async listBusinesses(): Promise<Listed<'businesses', BookingBusiness>> {
    const { records, invalid } = await this.collect(`${this.baseUrl}/solutions/bookingBusinesses`, bookingBusinessSchema, 'bookingBusiness');
    return { businesses: records, invalid };
  }

  getBusiness(businessId: string): Promise<BookingBusiness | null> {
    return getEntityOrNull(this.http, { url: this.businessUrl(businessId), limit: this.limit(businessId) }, bookingBusinessSchema, 'bookingBusiness');
  }

  /** Pages of appointments overlapping [start, end), as they arrive, so a sync can checkpoint between them. */
  async *calendarViewPages(businessId: string, start: Date, end: Date, options: CalendarViewOptions = {}): AsyncGenerator<CalendarViewPage> {
    const query = new URLSearchParams({ start: start.toISOString(), end: end.toISOString() });
    if (options.nextLink !== undefined && new URL(options.nextLink).origin !== new URL(this.baseUrl).origin) {
      throw new RangeError('a calendarView next link must point to the Graph base URL');
    }
    const first = options.nextLink ?? `${this.businessUrl(businessId)}/calendarView?${query.toString()}`;
    for await (const page of odataPages(this.http, first, 'bookingAppointment', this.limit(businessId))) {
      const { records, invalid } = parseAppointments(page.values);
      yield page.nextLink === undefined ? { appointments: records, invalid } : { appointments: records, invalid, nextLink: page.nextLink };
    }
  }

  async calendarView(businessId: string, start: Date, end: Date): Promise<Listed<'appointments', BookingAppointment>> {
    const appointments: BookingAppointment[] = [];
    const invalid: InvalidRecord[] = [];
    for await (const page of this.calendarViewPages(businessId, start, end)) {
      appointments.push(...page.appointments);
      invalid.push(...page.invalid);
    }
    return { appointments, invalid };
  }

  async listAppointments(businessId: string): Promise<Listed<'appointments', BookingAppointment>> {
    const { records, invalid } = await this.collectIn(businessId, 'appointments', bookingAppointmentSchema, 'bookingAppointment');
    return { appointments: records, invalid };
  }

  /** null when the appointment no longer exists (cancelled appointments are deleted). */
  getAppointment(businessId: string, appointmentId: string): Promise<BookingAppointment | null> {
    return getEntityOrNull(
      this.http,
      { url: `${this.businessUrl(businessId)}/appointments/${graphPathSegment(appointmentId)}`, limit: this.limit(businessId) },
      bookingAppointmentSchema,
      'bookingAppointment',
    );
  }

  /** Many appointments by id through JSON `$batch` (lists may omit `customers`); never one request per id. */
  getAppointmentsByIds(businessId: string, appointmentIds: readonly string[]): Promise<AppointmentsByIds> {
    return getAppointmentsByIds(
      { http: this.http, baseUrl: this.baseUrl, businessId, mailboxKey: mailboxKey(businessId), logger: this.logger },
      appointmentIds,
    );
  }

  async listCustomers(businessId: string): Promise<Listed<'customers', BookingCustomer>> {
    const { records, invalid } = await this.collectIn(businessId, 'customers', bookingCustomerSchema, 'bookingCustomer');
    return { customers: records, invalid };
  }

  getCustomer(businessId: string, customerId: string): Promise<BookingCustomer | null> {
    return getEntityOrNull(
      this.http,
      { url: `${this.businessUrl(businessId)}/customers/${graphPathSegment(customerId)}`, limit: this.limit(businessId) },
      bookingCustomerSchema,
      'bookingCustomer',
    );
  }

  async listServices(businessId: string): Promise<Listed<'services', BookingService>> {
    const { records, invalid } = await this.collectIn(businessId, 'services', bookingServiceSchema, 'bookingService');
    return { services: records, invalid };
  }

  async listStaffMembers(businessId: string): Promise<Listed<'staffMembers', BookingStaffMember>> {
    const { records, invalid } = await this.collectIn(businessId, 'staffMembers', bookingStaffMemberSchema, 'bookingStaffMember');
    return { staffMembers: records, invalid };
  }

  private businessUrl(businessId: string): string {
    return `${this.baseUrl}/solutions/bookingBusinesses/${graphPathSegment(businessId)}`;
  }

  private limit(businessId: string) {
    return { key: mailboxKey(businessId) };
  }

  private collectIn<S extends z.ZodType>(businessId: string, collection: string, schema: S, entity: string) {
    return this.collect(`${this.businessUrl(businessId)}/${collection}`, schema, entity, this.limit(businessId));
  }

  private async collect<S extends z.ZodType>(url: string, schema: S, entity: string, limit?: { key: string }) {
    const records: z.output<S>[] = [];
    const invalid: InvalidRecord[] = [];
    for await (const page of odataPages(this.http, url, entity, limit)) {
      const parsed = parseRecords(schema, page.values, entity);
      records.push(...parsed.records);
      invalid.push(...parsed.invalid);
    }
    return { records, invalid };
  }
}

/** Mailbox addresses are case-insensitive; one mailbox, one set of slots. */
function mailboxKey(businessId: string): string {
  return businessKey(businessId);
}
