import { hidesCustomers } from './empty-customers';
import { pickFault } from './faults';
import { pageOf } from './paging';
import { DEFAULT_SETTINGS, mergeSettings } from './settings';
import { MailboxLimiter } from './throttle';
import { instantOf, isoDuration, toGraphDateTime } from './times';

describe('times', () => {
  it('reads dateTimeTimeZone values in UTC, with offsets and in IANA zones', () => {
    expect(instantOf({ dateTime: '2026-03-01T09:00:00.0000000', timeZone: 'UTC' })).toBe(Date.UTC(2026, 2, 1, 9));
    expect(instantOf({ dateTime: '2026-03-01T09:00:00.0000000+01:00', timeZone: 'UTC' })).toBe(Date.UTC(2026, 2, 1, 8));
    expect(instantOf({ dateTime: '2026-07-01T09:00:00', timeZone: 'Europe/Copenhagen' })).toBe(Date.UTC(2026, 6, 1, 7));
    expect(instantOf({ dateTime: '2026-01-01T09:00:00', timeZone: 'Europe/Copenhagen' })).toBe(Date.UTC(2026, 0, 1, 8));
    expect(instantOf({ dateTime: '2026-01-01T09:00:00', timeZone: 'Not/AZone' })).toBeUndefined();
    expect(instantOf({ dateTime: 'tomorrow', timeZone: 'UTC' })).toBeUndefined();
  });

  it('writes Graph date times and durations', () => {
    expect(toGraphDateTime(Date.UTC(2026, 2, 1, 9, 5, 7))).toBe('2026-03-01T09:05:07.0000000');
    expect([0, 30 * 60_000, 90 * 60_000, 3_600_000 + 1000, 26 * 3_600_000].map(isoDuration)).toEqual(['PT0S', 'PT30M', 'PT1H30M', 'PT1H1S', 'P1DT2H']);
  });
});

describe('paging', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);
  it('walks pages by $skip and stops on the last', () => {
    const first = pageOf(items, new URL('http://h/v1.0/x?start=a%20b'), 3);
    expect(first).toEqual({ value: [0, 1, 2], nextLink: 'http://h/v1.0/x?start=a%20b&$skip=3' });
    const last = pageOf(items, new URL('http://h/v1.0/x?$skip=6'), 3);
    expect(last).toEqual({ value: [6], nextLink: undefined });
    expect(pageOf(items, new URL('http://h/v1.0/x?$skip=4'), 3).nextLink).toBeUndefined();
  });
});

describe('empty customers hash', () => {
  it('is stable per id and follows the rate roughly', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `AAMkAD${i}=`);
    const hidden = ids.filter((id) => hidesCustomers(id, 0.3));
    expect(hidden.length).toBeGreaterThan(200);
    expect(hidden.length).toBeLessThan(400);
    expect(ids.filter((id) => hidesCustomers(id, 0.3))).toEqual(hidden);
    expect(ids.some((id) => hidesCustomers(id, 0))).toBe(false);
  });
});

describe('faults', () => {
  const settings = { ...DEFAULT_SETTINGS, token: 't', faultRate: 0.25 };
  it('draws a fault only below the rate and only among allowed kinds', () => {
    expect(pickFault(settings, () => 0.3, ['500', '503', 'reset'])).toBeUndefined();
    const draws = [0.2, 0.5];
    expect(pickFault(settings, () => draws.shift() ?? 1, ['500', '503', 'reset'])).toBe('503');
    expect(pickFault({ ...settings, faultKinds: ['reset'] }, () => 0, ['500', '503'])).toBeUndefined();
    expect(pickFault({ ...settings, faultRate: 0 }, () => 0, ['500'])).toBeUndefined();
  });
});

describe('mailbox limiter', () => {
  it('refuses beyond the limit, frees on release and records the peak of attempts', () => {
    const limiter = new MailboxLimiter(() => 2);
    const a = limiter.tryAcquire('m');
    const b = limiter.tryAcquire('m');
    expect(a && b).toBeDefined();
    expect(limiter.tryAcquire('m')).toBeUndefined();
    a?.();
    a?.();
    expect(limiter.tryAcquire('m')).toBeDefined();
    expect(limiter.tryAcquire('other')).toBeDefined();
    expect(limiter.peakByMailbox()).toEqual({ m: 3, other: 1 });
  });
});

describe('settings', () => {
  it('merges valid partials and names the field of a bad one', () => {
    expect(mergeSettings({ ...DEFAULT_SETTINGS, token: 't' }, { pageSize: 7 }).pageSize).toBe(7);
    expect(() => mergeSettings({ ...DEFAULT_SETTINGS, token: 't' }, { retryAfterSeconds: 1.5 })).toThrow(/retryAfterSeconds/);
  });
});
