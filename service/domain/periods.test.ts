import { PeriodError, resolvePeriod } from './periods';

const TZ = 'Europe/Copenhagen';
// Sunday 23:30 UTC is already Monday 2026-11-02 00:30 in Copenhagen.
const MONDAY_NIGHT = new Date('2026-11-01T23:30:00Z');

describe('resolvePeriod', () => {
  it.each([
    ['today', '2026-11-02', '2026-11-02'],
    ['yesterday', '2026-11-01', '2026-11-01'],
    ['this-week', '2026-11-02', '2026-11-08'],
    ['last-week', '2026-10-26', '2026-11-01'],
    ['this-month', '2026-11-01', '2026-11-30'],
    ['last-month', '2026-10-01', '2026-10-31'],
    ['2026-02-01..2026-02-28', '2026-02-01', '2026-02-28'],
    ['2026-02-14', '2026-02-14', '2026-02-14'],
  ])('reads %s as local days in the business time zone', (input, firstDay, lastDay) => {
    expect(resolvePeriod(input, MONDAY_NIGHT, TZ)).toEqual({ firstDay, lastDay });
  });

  it('uses the time zone: in UTC that instant is still Sunday', () => {
    expect(resolvePeriod('today', MONDAY_NIGHT, 'UTC')).toEqual({ firstDay: '2026-11-01', lastDay: '2026-11-01' });
    expect(resolvePeriod('last-month', new Date('2026-01-10T12:00:00Z'), TZ)).toEqual({ firstDay: '2025-12-01', lastDay: '2025-12-31' });
  });

  it.each(['2026-02-30', '2026-11-15..2026-11-01', 'fortnight', '2026-11-01..2026-11-02..2026-11-03'])('refuses %s', (input) => {
    expect(() => resolvePeriod(input, MONDAY_NIGHT, TZ)).toThrow(PeriodError);
  });
});
