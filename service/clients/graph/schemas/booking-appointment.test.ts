import { InvalidResponseError } from '../../http/invalid-response-error';
import { parseEntity, parseRecords } from '../../http/parse-records';
import { rawAppointment } from '../../testing/graph-fixtures';
import { bookingAppointmentSchema } from './booking-appointment';

const parse = (raw: unknown) => parseEntity(bookingAppointmentSchema, raw, 'bookingAppointment');

describe('bookingAppointmentSchema', () => {
  it('reads startDateTime/endDateTime as UTC instants and keeps what we use', () => {
    const a = parse(rawAppointment());
    expect(a.start.toISOString()).toBe('2026-11-03T09:00:00.000Z');
    expect(a.end.toISOString()).toBe('2026-11-03T10:00:00.000Z');
    expect(a).toMatchObject({ id: 'AAMk-1', price: 650.5, priceType: 'fixedPrice', duration: 'PT1H', staffMemberIds: ['st-1'] });
    expect(a.customers[0]).toMatchObject({ customerId: 'c-1', emailAddress: 'anne@example.com', ianaTimeZone: 'Europe/Paris' });
    expect(a).not.toHaveProperty('someNewGraphField');
  });

  it('accepts start/end as well', () => {
    const { startDateTime, endDateTime, ...rest } = rawAppointment();
    const a = parse({ ...rest, start: startDateTime, end: endDateTime });
    expect(a.start.toISOString()).toBe('2026-11-03T09:00:00.000Z');
    expect(a.end.toISOString()).toBe('2026-11-03T10:00:00.000Z');
  });

  it('converts a non-UTC appointment time', () => {
    const a = parse(rawAppointment({ startDateTime: { dateTime: '2026-11-03T10:00:00.0000000', timeZone: 'W. Europe Standard Time' } }));
    expect(a.start.toISOString()).toBe('2026-11-03T09:00:00.000Z');
  });

  it('reads an unknown price type as unknownFutureValue and tolerates nulls', () => {
    const a = parse(rawAppointment({ priceType: 'pricePerMoon', customers: null, serviceName: null, price: null }));
    expect(a.priceType).toBe('unknownFutureValue');
    expect(a.customers).toEqual([]);
    expect(a.serviceName).toBe('');
    expect(a.price).toBeNull();
  });

  it('names the entity, its id and the field when a required field is missing', () => {
    const { endDateTime: _endDateTime, ...raw } = rawAppointment({ id: 'AAMk-broken' });
    let error: unknown;
    try {
      parse(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidResponseError);
    const e = error as InvalidResponseError;
    expect([e.entity, e.entityId, e.fieldPath]).toEqual(['bookingAppointment', 'AAMk-broken', 'endDateTime']);
    expect(e.message).toContain('bookingAppointment AAMk-broken');
  });

  it('names nested field paths', () => {
    expect(() => parse(rawAppointment({ customers: [{ name: 'no id' }] }))).toThrow(/customers\[0\]\.customerId/);
    expect(() => parse(rawAppointment({ duration: 'one hour' }))).toThrow(/duration is not an ISO 8601 duration/);
    expect(() => parse(rawAppointment({ startDateTime: { dateTime: '2026-11-03T09:00:00', timeZone: 'Mars Standard Time' } }))).toThrow(
      /startDateTime .*Mars Standard Time/,
    );
  });

  it('reports bad records of a list one by one and keeps the good ones', () => {
    const result = parseRecords(
      bookingAppointmentSchema,
      [rawAppointment({ id: 'good' }), rawAppointment({ id: 'bad', serviceId: undefined }), 'not an object'],
      'bookingAppointment',
    );
    expect(result.records.map((r) => r.id)).toEqual(['good']);
    expect(result.invalid).toEqual([
      { entity: 'bookingAppointment', id: 'bad', issues: expect.stringContaining('serviceId') },
      { entity: 'bookingAppointment', id: undefined, issues: expect.any(String) },
    ]);
  });
});
