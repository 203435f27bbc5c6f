import { groupLines } from '../invoicing/grouping';
import { localIsoDate as localDateAt } from './local-day';
import { resolvePeriod } from './periods';
import type { PricedLine } from './pricing';
import { appointmentWindow, splitWindow } from '../sync/appointments/sync-window';
import { reasonsFor, type AppointmentFacts } from '../unbilled/eligibility';
import { startBounds } from '../unbilled/period';
import { money } from './money';
import { wallClockAt } from './zoned-time';

/*
 * The date-sensitive rules at the instants calendars get wrong: the clock changes in Copenhagen (spring
 * and autumn, either side of the jump), month and year ends that are already the next day locally,
 * a leap day, a Monday. Each rule is checked against what a person with a wall calendar would say.
 */

const ZONE = 'Europe/Copenhagen';
const SWEEP: readonly string[] = [
  '2026-03-29T00:30:00Z', // 01:30 local, half an hour before the spring jump
  '2026-03-29T01:30:00Z', // 03:30 local, just after it
  '2027-03-28T01:30:00Z', // the next spring jump
  '2026-10-25T00:30:00Z', // 02:30 local, the first of the two
  '2026-10-25T01:30:00Z', // 02:30 local again, the second
  '2026-11-30T08:00:00Z', // a Monday morning
  '2026-11-30T23:30:00Z', // already 1 December locally
  '2026-12-31T23:30:00Z', // already New Year locally
  '2027-01-01T00:30:00Z',
  '2028-02-29T12:00:00Z', // leap day
  '2028-02-29T23:30:00Z', // already 1 March locally
];

const DAY_MS = 86_400_000;
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
const daysInMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const previousMonth = (month: string) => plusDays(`${month}-01`, -1).slice(0, 7);

describe.each(SWEEP)('the calendar at %s', (iso) => {
  const now = new Date(iso);
  const wall = wallClockAt(now.getTime(), ZONE);
  const today = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;

  it('names today, yesterday, the weeks and the months as the local wall calendar does', () => {
    expect(localDateAt(now, ZONE)).toBe(today);
    expect(resolvePeriod('today', now, ZONE)).toEqual({ firstDay: today, lastDay: today });
    expect(resolvePeriod('yesterday', now, ZONE)).toEqual({ firstDay: plusDays(today, -1), lastDay: plusDays(today, -1) });
    const monday = plusDays(today, -weekday(today));
    expect(resolvePeriod('this-week', now, ZONE)).toEqual({ firstDay: monday, lastDay: plusDays(monday, 6) });
    expect(resolvePeriod('last-week', now, ZONE)).toEqual({ firstDay: plusDays(monday, -7), lastDay: plusDays(monday, -1) });
    const month = today.slice(0, 7);
    expect(resolvePeriod('this-month', now, ZONE)).toEqual({ firstDay: `${month}-01`, lastDay: `${month}-${daysInMonth(month)}` });
    const last = previousMonth(month);
    expect(resolvePeriod('last-month', now, ZONE)).toEqual({ firstDay: `${last}-01`, lastDay: `${last}-${daysInMonth(last)}` });
  });

  it('bounds a local day from its midnight to the next, 23, 24 or 25 hours long', () => {
    const { fromUtc, toUtc } = startBounds(today, today, ZONE);
    const from = new Date(fromUtc!);
    const to = new Date(toUtc!);
    expect(wallClockAt(from.getTime(), ZONE)).toMatchObject({ hour: 0, minute: 0 });
    expect(wallClockAt(to.getTime(), ZONE)).toMatchObject({ hour: 0, minute: 0 });
    expect(localDateAt(from, ZONE)).toBe(today);
    expect(localDateAt(to, ZONE)).toBe(plusDays(today, 1));
    expect([23, 24, 25]).toContain((to.getTime() - from.getTime()) / 3_600_000);
    expect(from.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime()).toBeLessThan(to.getTime());
  });

  it('lets an appointment be invoiced from the minute it ended, not before', () => {
    const facts = (endMs: number): AppointmentFacts => ({
      state: 'unbilled',
      startUtc: new Date(endMs - 3_000_000).toISOString(),
      endUtc: new Date(endMs).toISOString(),
      noShow: false,
      cancelledSeenAt: null,
      serviceId: 'svc-1',
      reviewReason: null,
      customerCount: 1,
      linkedCustomer: false,
      customersWithoutEmail: 0,
      customersBlocked: 0,
      priceType: 'fixedPrice',
      priceMinor: 50_000,
      currency: 'DKK',
      durationMinutes: 50,
      enteredPriceMinor: null,
      bcItemId: 'item-1',
      bcItemUnitPriceMinor: null,
      bcItemCurrency: null,
    });
    const options = { now, addZeroLinesForFree: false };
    expect(reasonsFor(facts(now.getTime() - 60_000), options)).toEqual([]);
    expect(reasonsFor(facts(now.getTime()), options)).toEqual([]);
    expect(reasonsFor(facts(now.getTime() + 60_000), options)).toEqual(['not-ended']);
  });

  it('groups per customer per month by the local month of the appointment', () => {
    const line = (id: string, start: Date): PricedLine => ({
      appointmentId: id,
      start,
      durationMinutes: 50,
      serviceName: 'Fysioterapi',
      priceType: 'fixedPrice',
      customer: { customerId: 'c1', name: 'Anna', email: 'anna@example.com', timeZone: null },
      quantity: 1,
      unitPrice: money(50_000, 'DKK'),
      amount: money(50_000, 'DKK'),
      priceSource: 'bookings',
      review: [],
    });
    // One appointment now, one a minute before this local month began, one a minute after it began.
    const monthStart = new Date(startBounds(`${today.slice(0, 7)}-01`, undefined, ZONE).fromUtc!);
    const lines = [line('now', now), line('before', new Date(monthStart.getTime() - 60_000)), line('after', new Date(monthStart.getTime() + 60_000))];
    const groups = groupLines(lines, 'perCustomerPerMonth', { runDate: now, timeZone: ZONE });
    expect(groups.map((g) => g.appointmentIds).sort()).toEqual([['after', 'now'], ['before']]);
    expect(groups.every((g) => g.invoiceDate === today)).toBe(true);
  });

  it('re-reads a window that ends a day after the run and splits it into contiguous chunks', () => {
    const window = appointmentWindow({ runStartedAt: now, syncedUntil: null, lookBackDays: 90, overlapDays: 3 });
    expect(window).toEqual({ start: new Date(now.getTime() - 90 * DAY_MS), end: new Date(now.getTime() + DAY_MS) });
    const chunks = splitWindow(window, 7);
    expect(chunks[0]!.start).toEqual(window.start);
    expect(chunks.at(-1)!.end).toEqual(window.end);
    chunks.slice(1).forEach((chunk, i) => expect(chunk.start).toEqual(chunks[i]!.end));
    expect(chunks).toHaveLength(Math.ceil(91 / 7));
  });
});
