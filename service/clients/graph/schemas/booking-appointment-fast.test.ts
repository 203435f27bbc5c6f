import { generateSandboxData } from '../../../../sandbox/seed';
import { parseRecords } from '../../http/parse-records';
import { rawAppointment } from '../../testing/graph-fixtures';
import { DEFAULT_TEST_NOW } from '../../../testing/test-dates';
import { bookingAppointmentSchema } from './booking-appointment';
import { parseAppointments, readUsualAppointment } from './booking-appointment-fast';

const seeded = (): Record<string, unknown>[] =>
  JSON.parse(
    JSON.stringify(
      generateSandboxData({ seed: 3, now: DEFAULT_TEST_NOW, scale: { customers: 40, staff: 3, daysBack: 30, daysAhead: 5 } }).bookings.businesses[0]!
        .appointments,
    ),
  ) as Record<string, unknown>[];

const customer = (overrides: Record<string, unknown>) => ({
  customerId: 'c-9',
  name: 'N',
  emailAddress: 'n@example.com',
  phone: null,
  timeZone: null,
  ...overrides,
});

/** The usual shape, with Graph's nulls and evolvable values: read directly, to the schema's answer. */
const READ: Record<string, unknown>[] = [
  {},
  { customers: null },
  { customers: [] },
  { customers: [customer({ timeZone: 'Romance Standard Time' })] },
  { customers: [customer({ timeZone: 'Europe/Copenhagen', extra: 1 })] },
  { customers: [customer({ timeZone: 'Mars Standard Time' })] },
  { customers: [customer({ timeZone: '' })] },
  { price: null },
  { price: 0 },
  { priceType: null },
  { priceType: 'pricePerMoon' },
  { serviceName: null },
  { duration: 'PT1H30M' },
  { preBuffer: null, postBuffer: undefined },
  { staffMemberIds: null },
  { isLocationOnline: null },
  { lastUpdatedDateTime: null },
  { customerTimeZone: '' },
  { startDateTime: { dateTime: '2026-11-03T10:00:00.0000000', timeZone: 'W. Europe Standard Time' } },
  { startDateTime: { dateTime: '2026-11-03T10:00:00Z', timeZone: null } },
  { someNewGraphField: { nested: true } },
];

/** Anything else: left to the schema, which accepts or refuses it with its reasons. */
const LEFT: Record<string, unknown>[] = [
  { customers: [customer({ customerId: '' })] },
  { customers: [customer({ name: 5 })] },
  { customers: [null] },
  { customers: 'nobody' },
  { price: '12' },
  { priceType: 3 },
  { serviceId: '' },
  { id: '' },
  { id: 7 },
  { duration: '90 minutes' },
  { staffMemberIds: ['a', 2] },
  { isLocationOnline: 'yes' },
  { createdDateTime: 'not a date' },
  { startDateTime: { dateTime: '2026-11-03T10:00:00', timeZone: 'Nowhere' } },
  { startDateTime: null },
  { startDateTime: undefined },
  { endDateTime: { dateTime: 'soon' } },
  // Accepted by the schema: the documentation's other spelling.
  { start: { dateTime: '2026-11-03T08:00:00', timeZone: 'UTC' } },
];

const bySchema = (raw: unknown) => parseRecords(bookingAppointmentSchema, [raw], 'bookingAppointment');

describe('readUsualAppointment', () => {
  it('reads every seeded appointment, exactly as the schema does', () => {
    const raws = seeded();
    expect(raws.length).toBeGreaterThan(50);
    for (const raw of raws) {
      const usual = readUsualAppointment(raw);
      expect(usual).toBeDefined();
      expect(usual).toStrictEqual(bookingAppointmentSchema.parse(raw));
    }
  });

  it.each(READ.map((v) => [JSON.stringify(v), v]))('reads %s as the schema does', (_name, variant) => {
    const raw = { ...rawAppointment(), ...variant };
    expect(bySchema(raw)).toStrictEqual({ records: [readUsualAppointment(raw)], invalid: [] });
  });

  it.each(LEFT.map((v) => [JSON.stringify(v), v]))('leaves %s to the schema', (_name, variant) => {
    const raw = { ...rawAppointment(), ...variant };
    expect(readUsualAppointment(raw)).toBeUndefined();
    expect(parseAppointments([raw])).toStrictEqual(bySchema(raw));
  });

  it('reads a page in order, the odd ones by the schema with its reasons', () => {
    const raws = [
      rawAppointment({ id: 'a' }),
      rawAppointment({ id: 'b', startDateTime: null }),
      rawAppointment({ id: 'c', start: rawAppointment()['startDateTime'] }),
    ];
    expect(parseAppointments(raws)).toStrictEqual(parseRecords(bookingAppointmentSchema, raws, 'bookingAppointment'));
    expect(parseAppointments(raws).records.map((r) => r.id)).toEqual(['a', 'c']);
  });
});
