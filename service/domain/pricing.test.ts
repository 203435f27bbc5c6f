import fc from 'fast-check';
import type { Appointment, Attendee, PriceType } from './appointment';
import { hourlyAmount, priceAppointment, type PricedLine, type PricingContext, type PricingResult } from './pricing';

const mette: Attendee = { customerId: 'c1', name: 'Mette Holm', email: 'mette@example.dk', timeZone: 'Europe/Copenhagen' };
const noContext: PricingContext = { addZeroLinesForFree: false, linkedItemUnitPrice: null, enteredPrice: null };
const dkk = (minor: number) => ({ minor, currency: 'DKK' });

function appointment(priceType: PriceType, priceMinor: number, overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'appt-1',
    businessId: 'clinic@example.dk',
    start: new Date('2026-11-24T08:00:00Z'),
    end: new Date('2026-11-24T08:50:00Z'),
    durationMinutes: 50,
    serviceId: 'svc-1',
    serviceName: 'Fysioterapi, behandling',
    staffMemberIds: ['staff-1'],
    attendees: [mette],
    price: dkk(priceMinor),
    priceType,
    state: 'unbilled',
    reviewReason: null,
    ...overrides,
  };
}

function onlyLine(results: PricingResult[]): PricedLine {
  const [first, ...rest] = results;
  if (first?.kind !== 'priced' || rest.length > 0) throw new Error(`expected one priced line, got ${JSON.stringify(results)}`);
  return first.line;
}

function reasons(results: PricingResult[]): string[] {
  return results.map((r) => (r.kind === 'unpriced' ? r.unpriced.reason : 'priced'));
}

describe('priceAppointment', () => {
  it('bills a fixed price once', () => {
    const line = onlyLine(priceAppointment(appointment('fixedPrice', 49500), noContext));
    expect(line).toMatchObject({ quantity: 1, unitPrice: dkk(49500), amount: dkk(49500), priceSource: 'bookings', review: [] });
    expect(line.customer).toBe(mette);
    expect(line.appointmentId).toBe('appt-1');
  });

  it('bills a 50-minute hourly appointment at 780 DKK/hour as exactly 650.00', () => {
    const line = onlyLine(priceAppointment(appointment('hourly', 78000), noContext));
    expect(line).toMatchObject({ quantity: 0.83333, unitPrice: dkk(78000), amount: dkk(65000), priceSource: 'bookings' });
  });

  it('rounds hourly amounts half away from zero', () => {
    // 1 minute at 0.30/h is 0.5 øre.
    expect(hourlyAmount(dkk(30), 1)).toEqual(dkk(1));
    expect(hourlyAmount(dkk(29), 1)).toEqual(dkk(0));
    // Durations with seconds (Graph's PT50M30S) stay exact: 60 × 50.5 / 60.
    expect(hourlyAmount(dkk(6000), 50.5)).toEqual(dkk(5050));
  });

  it('computes every hourly amount as round(price × minutes / 60)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 24 * 60 }), (price, minutes) => {
        const exact = (price * minutes) / 60;
        const expected = Math.floor(exact) + (exact - Math.floor(exact) >= 0.5 ? 1 : 0);
        expect(hourlyAmount(dkk(price), minutes).minor).toBe(expected);
      }),
    );
  });

  it('flags starting-at prices for review', () => {
    const line = onlyLine(priceAppointment(appointment('startingAt', 30000), noContext));
    expect(line).toMatchObject({ quantity: 1, amount: dkk(30000), review: ['startingAt'] });
  });

  it('leaves free appointments out unless zero lines are wanted', () => {
    expect(reasons(priceAppointment(appointment('free', 0), noContext))).toEqual(['free']);
    const line = onlyLine(priceAppointment(appointment('free', 0), { ...noContext, addZeroLinesForFree: true }));
    expect(line).toMatchObject({ quantity: 1, amount: dkk(0), unitPrice: dkk(0) });
  });

  it('treats a zero fixed price like a free appointment', () => {
    expect(reasons(priceAppointment(appointment('fixedPrice', 0), noContext))).toEqual(['free']);
    expect(onlyLine(priceAppointment(appointment('fixedPrice', 0), { ...noContext, addZeroLinesForFree: true })).amount).toEqual(dkk(0));
  });

  it.each(['priceVaries', 'callUs', 'notSet', 'undefined', 'unknownFutureValue'] as const)('asks for a price when the type is %s', (priceType) => {
    const appt = appointment(priceType, 12300);
    expect(reasons(priceAppointment(appt, noContext))).toEqual(['price-needed']);
    expect(onlyLine(priceAppointment(appt, { ...noContext, enteredPrice: dkk(40000) }))).toMatchObject({ amount: dkk(40000), priceSource: 'entered' });
    expect(onlyLine(priceAppointment(appt, { ...noContext, linkedItemUnitPrice: dkk(45000), enteredPrice: dkk(40000) }))).toMatchObject({
      quantity: 1,
      amount: dkk(45000),
      priceSource: 'item',
    });
  });

  it('ignores a linked item without a unit price', () => {
    const appt = appointment('callUs', 0);
    expect(reasons(priceAppointment(appt, { ...noContext, linkedItemUnitPrice: dkk(0) }))).toEqual(['price-needed']);
    expect(onlyLine(priceAppointment(appt, { ...noContext, linkedItemUnitPrice: dkk(0), enteredPrice: dkk(100) })).priceSource).toBe('entered');
  });

  it('refuses negative prices', () => {
    expect(reasons(priceAppointment(appointment('fixedPrice', -100), noContext))).toEqual(['invalid-price']);
    expect(reasons(priceAppointment(appointment('hourly', -100), noContext))).toEqual(['invalid-price']);
    expect(reasons(priceAppointment(appointment('notSet', 0), { ...noContext, enteredPrice: dkk(-1) }))).toEqual(['invalid-price']);
  });

  it('refuses hourly appointments without a duration', () => {
    expect(reasons(priceAppointment(appointment('hourly', 78000, { durationMinutes: 0 }), noContext))).toEqual(['invalid-duration']);
  });

  it('prices each attendee of a group booking and names those without email', () => {
    const noEmail: Attendee = { customerId: 'c2', name: 'Ole', email: ' ', timeZone: null };
    const anna: Attendee = { customerId: 'c3', name: 'Anna', email: 'anna@example.dk', timeZone: null };
    const results = priceAppointment(appointment('fixedPrice', 20000, { attendees: [mette, noEmail, anna] }), noContext);
    expect(reasons(results)).toEqual(['priced', 'customer-without-email', 'priced']);
    expect(results.map((r) => (r.kind === 'priced' ? r.line.customer : r.unpriced.customer))).toEqual([mette, noEmail, anna]);
  });

  it('reports an appointment without attendees once', () => {
    const results = priceAppointment(appointment('fixedPrice', 20000, { attendees: [] }), noContext);
    expect(results).toEqual([{ kind: 'unpriced', unpriced: { appointmentId: 'appt-1', customer: null, reason: 'no-customer' } }]);
  });
});
