import { zonedTimeToUtc } from '../domain/zoned-time';
import { dayBefore, dueLocalTick } from './local-schedule';

const ZONE = 'Europe/Copenhagen';
const at = (year: number, month: number, day: number, hour: number, minute = 0) => zonedTimeToUtc({ year, month, day, hour, minute }, ZONE);

describe('dueLocalTick', () => {
  const daily = { frequency: 'daily' as const, day: 'monday' as const, time: '06:00', timeZone: ZONE };
  const weekly = { ...daily, frequency: 'weekly' as const, day: 'wednesday' as const };

  it('is due from the local time on, all that day, named by the local date', () => {
    expect(dueLocalTick(at(2026, 11, 3, 5, 59), daily)).toBeUndefined();
    expect(dueLocalTick(at(2026, 11, 3, 6, 0), daily)).toBe('2026-11-03');
    expect(dueLocalTick(at(2026, 11, 3, 23, 59), daily)).toBe('2026-11-03');
    // 00:30 in Copenhagen is still the previous day in UTC: the business's calendar decides.
    expect(dueLocalTick(at(2026, 11, 4, 0, 30), { ...daily, time: '00:15' })).toBe('2026-11-04');
  });

  it('weekly: only on its day of the week', () => {
    // 2026-11-04 is a Wednesday.
    expect(dueLocalTick(at(2026, 11, 4, 7), weekly)).toBe('2026-11-04');
    expect(dueLocalTick(at(2026, 11, 5, 7), weekly)).toBeUndefined();
    expect(dueLocalTick(at(2026, 11, 11, 7), weekly)).toBe('2026-11-11');
  });

  it('counts days on the calendar across a clock change', () => {
    // Sunday 2026-03-29: Copenhagen skips 02:00-03:00.
    expect(dueLocalTick(at(2026, 3, 29, 3, 0), { ...daily, time: '02:30' })).toBe('2026-03-29');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
  });
});
