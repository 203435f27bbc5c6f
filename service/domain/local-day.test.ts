import { formatLocalDateTime, localDateAt, localIsoDate, startOfIsoDay, startOfLocalDay, zoneOffsetMs } from './local-day';

describe('startOfLocalDay', () => {
  test('Copenhagen midnight in winter and summer', () => {
    expect(startOfLocalDay({ year: 2026, month: 1, day: 15 }, 'Europe/Copenhagen').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfLocalDay({ year: 2026, month: 7, day: 2 }, 'Europe/Copenhagen').toISOString()).toBe('2026-07-01T22:00:00.000Z');
  });

  test('where the clocks skip midnight the day starts at 01:00', () => {
    // Chile moves from -04 to -03 at local midnight on the first Sunday of September.
    const start = startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago');
    expect(start.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateAt(new Date(start.getTime() - 1), 'America/Santiago')).toEqual({ year: 2026, month: 9, day: 5 });
  });

  test('where midnight repeats the day starts at the later one, the earlier being the day before', () => {
    const start = startOfLocalDay({ year: 2026, month: 4, day: 5 }, 'America/Santiago');
    expect(start.toISOString()).toBe('2026-04-05T04:00:00.000Z');
    expect(localDateAt(new Date(start.getTime() - 1), 'America/Santiago')).toEqual({ year: 2026, month: 4, day: 4 });
  });
});

test('zone offsets follow daylight saving', () => {
  expect(zoneOffsetMs(Date.parse('2026-01-01T12:00:00Z'), 'Europe/Copenhagen')).toBe(3_600_000);
  expect(zoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Copenhagen')).toBe(7_200_000);
  expect(zoneOffsetMs(Date.parse('2026-07-01T12:00:00.999Z'), 'Asia/Kolkata')).toBe(19_800_000);
});

describe('localIsoDate', () => {
  it('gives the date in the time zone', () => {
    expect(localIsoDate(new Date('2026-10-31T23:30:00Z'), 'Europe/Copenhagen')).toBe('2026-11-01');
    expect(localIsoDate(new Date('2026-10-31T23:30:00Z'), 'UTC')).toBe('2026-10-31');
  });
});

describe('startOfIsoDay and formatLocalDateTime', () => {
  test('a YYYY-MM-DD day starts at local midnight', () => {
    expect(startOfIsoDay('2026-10-25', 'Europe/Copenhagen').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfIsoDay('2026-10-26', 'Europe/Copenhagen').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  test('the wall clock is zero-padded, midnight is 00', () => {
    expect(formatLocalDateTime(new Date('2026-11-01T23:05:00Z'), 'Europe/Copenhagen')).toBe('2026-11-02 00:05');
    expect(formatLocalDateTime(new Date('2026-07-01T08:30:00Z'), 'America/New_York')).toBe('2026-07-01 04:30');
  });
});
