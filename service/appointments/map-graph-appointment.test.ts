import { bookingAppointmentSchema } from '../clients/graph/schemas/booking-appointment';
import { mapGraphAppointment } from './map-graph-appointment';

const CONTEXT = { businessId: 'clinic@example.com', currency: 'DKK' };

const wire = (overrides: Record<string, unknown> = {}) =>
  bookingAppointmentSchema.parse({
    id: 'a1',
    startDateTime: { dateTime: '2026-03-10T08:00:00.0000000', timeZone: 'UTC' },
    endDateTime: { dateTime: '2026-03-10T09:30:00.0000000', timeZone: 'UTC' },
    serviceId: 's1',
    serviceName: 'Massage\u0000',
    price: 495.5,
    priceType: 'hourly',
    staffMemberIds: ['st1'],
    customers: [
      { customerId: 'c1', name: 'Anna <b>Ø</b>', emailAddress: ' anna@example.com ', phone: '', timeZone: 'Romance Standard Time' },
      { customerId: 'c2', name: 'Bo', emailAddress: null, phone: null, timeZone: null },
    ],
    lastUpdatedDateTime: '2026-03-01T12:00:00Z',
    ...overrides,
  });

describe('mapGraphAppointment', () => {
  it('maps times to UTC, the duration to minutes and the price to minor units of the business currency', () => {
    const mapped = mapGraphAppointment(wire(), CONTEXT);
    expect(mapped).toEqual({
      kind: 'record',
      record: {
        id: 'a1',
        businessId: 'clinic@example.com',
        start: new Date('2026-03-10T08:00:00Z'),
        end: new Date('2026-03-10T09:30:00Z'),
        durationMinutes: 90,
        serviceId: 's1',
        serviceName: 'Massage',
        staffMemberIds: ['st1'],
        attendees: [
          { customerId: 'c1', name: 'Anna <b>Ø</b>', email: 'anna@example.com', timeZone: 'Europe/Paris' },
          { customerId: 'c2', name: 'Bo', email: '', timeZone: null },
        ],
        priceMinor: 49_550,
        currency: 'DKK',
        priceType: 'hourly',
        graphLastUpdated: new Date('2026-03-01T12:00:00Z'),
      },
    });
  });

  it('reads times given in another zone as the instant they name', () => {
    const mapped = mapGraphAppointment(wire({ startDateTime: { dateTime: '2026-03-10T09:00:00', timeZone: 'Europe/Copenhagen' } }), CONTEXT);
    expect(mapped.kind === 'record' && mapped.record.start.toISOString()).toBe('2026-03-10T08:00:00.000Z');
  });

  it('keeps a missing price as unknown, not as free', () => {
    const mapped = mapGraphAppointment(wire({ price: null }), CONTEXT);
    expect(mapped.kind === 'record' && mapped.record.priceMinor).toBeNull();
  });

  it.each([
    ['an end before the start', wire({ endDateTime: { dateTime: '2026-03-10T07:00:00', timeZone: 'UTC' } }), /endDateTime/],
    ['a negative price', wire({ price: -1 }), /negative/],
    ['a price beyond safe integers', wire({ price: 1e300 }), /out of range/],
    ['a start in year 10000', { ...wire(), start: new Date(Date.UTC(10_000, 0, 1)) }, /impossible date/],
  ])('refuses %s', (_name, appointment, reason) => {
    expect(mapGraphAppointment(appointment, CONTEXT)).toEqual({ kind: 'reject', reason: expect.stringMatching(reason) });
  });
});
