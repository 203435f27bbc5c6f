import { wallClockAt, zoneOffsetMs, zonedTimeToUtc } from './zoned-time';

const CPH = 'Europe/Copenhagen';

describe('zoned time', () => {
  it('knows Copenhagen is one hour ahead in winter and two in summer', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), CPH)).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), CPH)).toBe(7_200_000);
  });

  it('converts wall times to UTC on both sides of the DST changes', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 28, hour: 9, minute: 0 }, CPH).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 30, hour: 9, minute: 0 }, CPH).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 26, hour: 0, minute: 30 }, CPH).toISOString()).toBe('2026-10-25T23:30:00.000Z');
    // 02:30 does not exist on 2026-03-29 in Copenhagen: it maps one hour later.
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, CPH).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads the wall clock back', () => {
    expect(wallClockAt(Date.parse('2026-11-25T23:30:00Z'), CPH)).toEqual({ year: 2026, month: 11, day: 26, hour: 0, minute: 30, second: 0 });
  });
});
