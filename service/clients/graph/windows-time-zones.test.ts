import { resolveTimeZone } from './resolve-time-zone';
import { knownWindowsTimeZones, windowsToIana } from './windows-time-zones';
import { zonedDateTimeToUtc } from './zoned-date-time';

describe('windowsToIana', () => {
  it.each([
    ['Romance Standard Time', 'Europe/Paris'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['GMT Standard Time', 'Europe/London'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Eastern Standard Time', 'America/New_York'],
    ['Central European Standard Time', 'Europe/Warsaw'],
    ['FLE Standard Time', 'Europe/Kiev'],
    ['UTC', 'Etc/UTC'],
    ['romance standard time', 'Europe/Paris'],
  ])('maps %p to %p', (windows, iana) => expect(windowsToIana(windows)).toBe(iana));

  it('knows nothing of made-up zones', () => expect(windowsToIana('Mars Standard Time')).toBeUndefined());

  it('maps only to zones this Node understands', () => {
    const rejected = knownWindowsTimeZones.filter((w) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: windowsToIana(w) });
        return false;
      } catch {
        return true;
      }
    });
    expect(rejected).toEqual([]);
  });
});

describe('resolveTimeZone', () => {
  it('accepts IANA names as they are', () => expect(resolveTimeZone('Europe/Copenhagen')).toBe('Europe/Copenhagen'));
  it('rejects unknown names', () => expect(resolveTimeZone('Nowhere/Else')).toBeUndefined());
});

describe('zonedDateTimeToUtc', () => {
  const utc = (dateTime: string, zone: string) => zonedDateTimeToUtc(dateTime, zone)?.toISOString();

  it('reads Graph UTC times with seven fraction digits', () => {
    expect(utc('2026-11-03T09:15:00.0000000', 'UTC')).toBe('2026-11-03T09:15:00.000Z');
  });
  it('converts Windows zones across summer and winter time', () => {
    expect(utc('2026-07-01T10:00:00.0000000', 'Romance Standard Time')).toBe('2026-07-01T08:00:00.000Z');
    expect(utc('2026-01-15T10:00:00.0000000', 'Romance Standard Time')).toBe('2026-01-15T09:00:00.000Z');
    expect(utc('2026-01-15T10:00:00', 'Pacific Standard Time')).toBe('2026-01-15T18:00:00.000Z');
  });
  it('converts IANA zones', () => expect(utc('2026-07-01T10:00:00', 'Europe/Copenhagen')).toBe('2026-07-01T08:00:00.000Z'));
  it('lets an explicit offset win', () => {
    expect(utc('2026-07-01T10:00:00Z', 'Pacific Standard Time')).toBe('2026-07-01T10:00:00.000Z');
    expect(utc('2026-07-01T10:00:00+02:00', 'UTC')).toBe('2026-07-01T08:00:00.000Z');
  });
  it('handles the hour after the spring-forward gap', () => {
    // Paris springs forward at 02:00 local on 2026-03-29; 03:30 is CEST (UTC+2)
    expect(utc('2026-03-29T03:30:00', 'Romance Standard Time')).toBe('2026-03-29T01:30:00.000Z');
  });
  it('returns undefined for unknown zones or bad text', () => {
    expect(zonedDateTimeToUtc('2026-07-01T10:00:00', 'Mars Standard Time')).toBeUndefined();
    expect(zonedDateTimeToUtc('yesterday', 'UTC')).toBeUndefined();
  });
});
