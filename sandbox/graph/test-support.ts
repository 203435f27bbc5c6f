import { createGraphEmulator, type GraphEmulator, type GraphEmulatorDeps } from './emulator';
import type { GraphEmulatorSettings } from './settings';
import type { BookingAppointment, BookingCustomer, BookingsBusinessData, BookingsSeed } from './types';

/** Shared by this folder's tests: a small hand-built seed and a running emulator with a typed fetch. */
export const TOKEN = 'test-token';
export const BUSINESS_ID = 'clinic@contoso.com';
export const OTHER_BUSINESS_ID = 'salon@contoso.com';

export function customer(n: number): BookingCustomer {
  return {
    id: `cust-${n}`,
    displayName: `Customer ${n}`,
    emailAddress: `customer${n}@example.com`,
    addresses: [],
    phones: [{ number: `+45 1000 00${n}`, type: 'mobile' }],
    createdDateTime: '2026-01-01T00:00:00Z',
    lastUpdatedDateTime: '2026-01-01T00:00:00Z',
  };
}

/** Appointment n starts at 09:00 UTC n days after 2026-03-01 and lasts an hour; ids look like Graph's ('=' and '-'). */
export function appointment(n: number, customers: BookingCustomer[] = [customer(1)]): BookingAppointment {
  const day = new Date(Date.UTC(2026, 2, 1 + n)).toISOString().slice(0, 10);
  return {
    id: `AAMkAD-appt_${n}==`,
    selfServiceAppointmentId: '00000000-0000-0000-0000-000000000000',
    additionalInformation: '',
    isLocationOnline: false,
    joinWebUrl: null,
    customerTimeZone: 'Romance Standard Time',
    smsNotificationsEnabled: false,
    serviceId: 'svc-1',
    serviceName: 'Consultation',
    serviceNotes: '',
    duration: 'PT1H',
    preBuffer: 'PT0S',
    postBuffer: 'PT0S',
    price: 500,
    priceType: 'fixedPrice',
    staffMemberIds: ['staff-1'],
    startDateTime: { dateTime: `${day}T09:00:00.0000000`, timeZone: 'UTC' },
    endDateTime: { dateTime: `${day}T10:00:00.0000000`, timeZone: 'UTC' },
    maximumAttendeesCount: 1,
    filledAttendeesCount: customers.length,
    optOutOfCustomerEmail: false,
    anonymousJoinWebUrl: null,
    createdDateTime: '2026-01-01T00:00:00Z',
    lastUpdatedDateTime: '2026-01-01T00:00:00Z',
    customers: customers.map((c) => ({
      '@odata.type': '#microsoft.graph.bookingCustomerInformation',
      customerId: c.id,
      name: c.displayName,
      emailAddress: c.emailAddress,
      phone: c.phones[0]?.number ?? '',
      timeZone: 'Romance Standard Time',
      notes: '',
      location: null,
      customQuestionAnswers: [],
    })),
  };
}

export function business(id: string, appointmentCount: number, customerCount = 3): BookingsBusinessData {
  return {
    business: {
      id,
      displayName: `Business ${id}`,
      businessType: 'Health',
      defaultCurrencyIso: 'DKK',
      email: id,
      phone: '+45 7000 0000',
      webSiteUrl: 'https://example.com',
      languageTag: 'da-DK',
      address: { street: 'Vej 1', city: 'København', postalCode: '1000', state: '', countryOrRegion: 'DK' },
    },
    staffMembers: [
      {
        id: 'staff-1',
        displayName: 'Ada',
        emailAddress: 'ada@contoso.com',
        role: 'administrator',
        timeZone: 'UTC',
        useBusinessHours: true,
        isEmailNotificationEnabled: false,
      },
      {
        id: 'staff-2',
        displayName: 'Bo',
        emailAddress: 'bo@contoso.com',
        role: 'teamMember',
        timeZone: 'UTC',
        useBusinessHours: true,
        isEmailNotificationEnabled: false,
      },
    ],
    services: [
      {
        id: 'svc-1',
        displayName: 'Consultation',
        description: '',
        defaultDuration: 'PT1H',
        defaultPrice: 500,
        defaultPriceType: 'fixedPrice',
        isHiddenFromCustomers: false,
        maximumAttendeesCount: 1,
        staffMemberIds: ['staff-1'],
        preBuffer: 'PT0S',
        postBuffer: 'PT0S',
      },
      {
        id: 'svc-2',
        displayName: 'Therapy',
        description: '',
        defaultDuration: 'PT50M',
        defaultPrice: 800,
        defaultPriceType: 'hourly',
        isHiddenFromCustomers: false,
        maximumAttendeesCount: 4,
        staffMemberIds: ['staff-2'],
        preBuffer: 'PT5M',
        postBuffer: 'PT10M',
      },
    ],
    customers: Array.from({ length: customerCount }, (_, i) => customer(i + 1)),
    appointments: Array.from({ length: appointmentCount }, (_, i) => appointment(i)),
  };
}

export function seedOf(...businesses: BookingsBusinessData[]): BookingsSeed {
  return { businesses };
}

export interface Harness {
  emulator: GraphEmulator;
  baseUrl: string;
  close: () => Promise<void>;
  /** A request to `${baseUrl}${path}` with the bearer token unless `auth: false`. */
  call(path: string, init?: { method?: string; body?: unknown; rawBody?: string; auth?: boolean; headers?: Record<string, string> }): Promise<Response>;
  json<T = Record<string, unknown>>(path: string, init?: Parameters<Harness['call']>[1]): Promise<{ status: number; headers: Headers; body: T }>;
}

/** The emulator's clock in these tests: fixed, like the seed's dates. */
export const NOW = new Date('2026-03-20T10:00:00Z');

export async function startHarness(seed: BookingsSeed, settings: Partial<GraphEmulatorSettings> = {}, deps: GraphEmulatorDeps = {}): Promise<Harness> {
  const emulator = createGraphEmulator(seed, { token: TOKEN, ...settings }, { now: () => NOW, ...deps });
  const listening = await emulator.listen();
  const call: Harness['call'] = (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.auth !== false) headers.authorization = `Bearer ${TOKEN}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const url = path.startsWith('http')
      ? path
      : path.startsWith('/_emulator')
        ? `${listening.baseUrl.replace(/\/v1\.0$/, '')}${path}`
        : `${listening.baseUrl}${path}`;
    return fetch(url, { method: init.method ?? 'GET', headers, body });
  };
  return {
    emulator,
    baseUrl: listening.baseUrl,
    close: listening.close,
    call,
    async json<T>(path: string, init?: Parameters<Harness['call']>[1]) {
      const res = await call(path, init);
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
  };
}

export const enc = encodeURIComponent;
export const businessPath = (id = BUSINESS_ID): string => `/solutions/bookingBusinesses/${enc(id)}`;
