import { timeZoneOffsetMs, zonedTimeToUtc } from './zoned-time';

describe('zonedTimeToUtc', () => {
  it('puts 09:00 in Copenhagen at 07:00 UTC in summer and 08:00 UTC in winter', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 1, hour: 9, minute: 0 }, 'Europe/Copenhagen').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, 'Europe/Copenhagen').toISOString()).toBe('2026-01-15T08:00:00.000Z');
  });

  it('switches on the last Sunday of March and of October', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 27, hour: 9, minute: 0 }, 'Europe/Copenhagen').toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 30, hour: 9, minute: 0 }, 'Europe/Copenhagen').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 23, hour: 9, minute: 0 }, 'Europe/Copenhagen').toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 26, hour: 9, minute: 0 }, 'Europe/Copenhagen').toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('maps a wall time skipped by the spring change one hour later', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Copenhagen').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('handles zones with half-hour offsets and the southern hemisphere', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, 'Asia/Kolkata').toISOString()).toBe('2026-01-15T03:30:00.000Z');
    expect(timeZoneOffsetMs(Date.UTC(2026, 0, 15, 12), 'Australia/Sydney')).toBe(11 * 3_600_000);
  });
});
