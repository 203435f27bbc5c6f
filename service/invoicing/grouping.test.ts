import fc from 'fast-check';
import type { Attendee } from '../domain/appointment';
import { GROUPING_RULES, groupLines, type GroupingOptions } from './grouping';
import type { PricedLine } from '../domain/pricing';

const copenhagen: GroupingOptions = { runDate: new Date('2026-11-25T23:30:00Z'), timeZone: 'Europe/Copenhagen' };

function customer(email: string): Attendee {
  return { customerId: email.toLowerCase(), name: email, email, timeZone: null };
}

function line(appointmentId: string, email: string, start: string, minor: number, currency = 'DKK'): PricedLine {
  return {
    appointmentId,
    start: new Date(start),
    durationMinutes: 60,
    serviceName: 'Fysioterapi',
    priceType: 'fixedPrice',
    customer: customer(email),
    quantity: 1,
    unitPrice: { minor, currency },
    amount: { minor, currency },
    priceSource: 'bookings',
    review: [],
  };
}

describe('groupLines', () => {
  it('makes one invoice per customer email per run, dated the run day in the business time zone', () => {
    const groups = groupLines(
      [
        line('b', 'Mette@Example.dk', '2026-11-20T10:00:00Z', 30000),
        line('a', 'mette@example.dk', '2026-11-18T10:00:00Z', 49500),
        line('c', 'ole@example.dk', '2026-11-19T10:00:00Z', 10000),
        line('a', 'ole@example.dk', '2026-11-18T10:00:00Z', 49500),
      ],
      'perCustomerPerRun',
      copenhagen,
    );
    expect(groups.map((g) => [g.customer.email, g.invoiceDate, g.appointmentIds, g.total.minor])).toEqual([
      ['mette@example.dk', '2026-11-26', ['a', 'b'], 79500],
      ['ole@example.dk', '2026-11-26', ['a', 'c'], 59500],
    ]);
    expect(groups[0]?.lines.map((l) => l.appointmentId)).toEqual(['a', 'b']);
  });

  it('never puts two currencies on one invoice', () => {
    const groups = groupLines(
      [line('a', 'mette@example.dk', '2026-11-18T10:00:00Z', 100), line('b', 'mette@example.dk', '2026-11-19T10:00:00Z', 200, 'EUR')],
      'perCustomerPerRun',
      copenhagen,
    );
    expect(groups.map((g) => g.total)).toEqual([
      { minor: 100, currency: 'DKK' },
      { minor: 200, currency: 'EUR' },
    ]);
  });

  it('makes one invoice per appointment and attendee, dated the appointment day', () => {
    const groups = groupLines(
      [
        line('a', 'mette@example.dk', '2026-11-18T23:30:00Z', 100),
        line('a', 'ole@example.dk', '2026-11-18T23:30:00Z', 100),
        line('b', 'mette@example.dk', '2026-11-19T10:00:00Z', 200),
      ],
      'perAppointment',
      copenhagen,
    );
    expect(groups.map((g) => [g.customer.email, g.appointmentIds, g.invoiceDate]).sort()).toEqual([
      ['mette@example.dk', ['a'], '2026-11-19'],
      ['mette@example.dk', ['b'], '2026-11-19'],
      ['ole@example.dk', ['a'], '2026-11-19'],
    ]);
  });

  it('groups by calendar month in the business time zone across DST changes and month ends', () => {
    const lines = [
      line('oct-dst', 'm@example.dk', '2026-10-25T00:30:00Z', 1), // 02:30 CEST, the night summer time ends
      line('oct-last', 'm@example.dk', '2026-10-31T22:59:00Z', 2), // 23:59 CET, still October
      line('nov-first', 'm@example.dk', '2026-10-31T23:30:00Z', 4), // 00:30 CET on 1 November
      line('mar-last', 'm@example.dk', '2026-03-31T21:30:00Z', 8), // 23:30 CEST, after summer time began on the 29th
      line('apr-first', 'm@example.dk', '2026-03-31T22:30:00Z', 16), // 00:30 CEST on 1 April
    ];
    const groups = groupLines(lines, 'perCustomerPerMonth', copenhagen);
    expect(groups.map((g) => [g.appointmentIds, g.total.minor, g.invoiceDate])).toEqual([
      [['mar-last'], 8, '2026-11-26'],
      [['apr-first'], 16, '2026-11-26'],
      [['oct-dst', 'oct-last'], 3, '2026-11-26'],
      [['nov-first'], 4, '2026-11-26'],
    ]);
    expect(groupLines(lines, 'perCustomerPerMonth', { ...copenhagen, timeZone: 'UTC' }).map((g) => g.appointmentIds)).toEqual([
      ['apr-first', 'mar-last'],
      ['nov-first', 'oct-dst', 'oct-last'],
    ]);
  });

  const lineArb = fc
    .record({
      appointment: fc.integer({ min: 1, max: 12 }),
      customer: fc.constantFrom('mette@example.dk', 'METTE@example.dk', 'ole@example.dk', 'anna@example.dk'),
      start: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
      minor: fc.integer({ min: 0, max: 10_000_000 }),
      currency: fc.constantFrom('DKK', 'EUR'),
    })
    .map((r) => line(`appt-${r.appointment}`, r.customer, new Date(r.start).toISOString(), r.minor, r.currency));

  it('puts every line in exactly one group whose total is the exact sum of its lines', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.constantFrom(...GROUPING_RULES), (lines, rule) => {
        const groups = groupLines(lines, rule, copenhagen);
        const placed = groups.flatMap((g) => g.lines);
        expect(placed).toHaveLength(lines.length);
        expect(new Set(placed)).toEqual(new Set(lines));
        for (const g of groups) {
          expect(g.total.minor).toBe(g.lines.reduce((sum, l) => sum + l.amount.minor, 0));
          expect(g.lines.every((l) => l.amount.currency === g.total.currency)).toBe(true);
          expect(new Set(g.lines.map((l) => l.customer.email.toLowerCase())).size).toBe(1);
          expect(g.appointmentIds).toEqual([...new Set(g.lines.map((l) => l.appointmentId))].sort());
          expect(g.lines.map((l) => l.start.getTime())).toEqual(g.lines.map((l) => l.start.getTime()).sort((a, b) => a - b));
        }
        expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
        const grand = (currency: string, ls: readonly PricedLine[]) => ls.filter((l) => l.amount.currency === currency).reduce((s, l) => s + l.amount.minor, 0);
        for (const currency of ['DKK', 'EUR']) {
          expect(groups.filter((g) => g.total.currency === currency).reduce((s, g) => s + g.total.minor, 0)).toBe(grand(currency, lines));
        }
      }),
    );
  });
});
