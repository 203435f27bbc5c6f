import fc from 'fast-check';
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

describe('the wall clock, read once per zone and hour', () => {
  // Whole-hour, half-hour and quarter-hour offsets; DST changes of one hour, half an hour, and none.
  const ZONES = ['Europe/Copenhagen', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'UTC'];
  // Intl asked another way than the module asks it: Swedish writes "2026-11-26 00:30:00".
  const formatted = (instantMs: number, timeZone: string) => {
    const [year, month, day, hour, minute, second] = new Date(instantMs)
      .toLocaleString('sv-SE', { timeZone })
      .split(/[^0-9]+/)
      .map(Number);
    return { year, month, day, hour, minute, second };
  };

  it('agrees with Intl at any instant of 1990-2060, around the DST changes too', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES), (instantMs, zone) => {
        const wall = formatted(instantMs, zone);
        expect(wallClockAt(instantMs, zone)).toEqual(wall);
        const wallAsUtc = Date.UTC(wall.year!, wall.month! - 1, wall.day, wall.hour, wall.minute, wall.second);
        expect(zoneOffsetMs(instantMs, zone)).toBe(wallAsUtc - Math.floor(instantMs / 1000) * 1000);
      }),
      { numRuns: 3000 },
    );
    // Every second of the hours around Copenhagen's and Lord Howe's changes in 2026.
    for (const [zone, change] of [
      [CPH, Date.parse('2026-03-29T01:00:00Z')],
      [CPH, Date.parse('2026-10-25T01:00:00Z')],
      ['Australia/Lord_Howe', Date.parse('2026-04-04T15:00:00Z')],
      ['Australia/Lord_Howe', Date.parse('2026-10-03T15:30:00Z')],
    ] as const) {
      for (let t = change - 3_600_000; t < change + 3_600_000; t += 1000) expect(wallClockAt(t, zone)).toEqual(formatted(t, zone));
    }
  });

  it('reads a DST change that falls inside an hour at the second it happens', () => {
    // Lord Howe moves from +10:30 to +11:00 at 02:00 local, 15:30 UTC: inside the UTC hour 15:00-16:00.
    expect(wallClockAt(Date.parse('2026-10-03T15:29:59Z'), 'Australia/Lord_Howe')).toMatchObject({ hour: 1, minute: 59, second: 59 });
    expect(wallClockAt(Date.parse('2026-10-03T15:30:00Z'), 'Australia/Lord_Howe')).toMatchObject({ hour: 2, minute: 30, second: 0 });
  });
});
