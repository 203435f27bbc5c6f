import { dueSummaryDay, nextSummaryAt } from './summary-time';

const copenhagen = (time: string) => ({ enabled: true, time, timeZone: 'Europe/Copenhagen' });

describe('the daily summary time (Europe/Copenhagen)', () => {
  it('is due for the previous local day once the local time has passed', () => {
    expect(dueSummaryDay(new Date('2026-11-03T06:29:00Z'), copenhagen('07:30'))).toBeUndefined();
    expect(dueSummaryDay(new Date('2026-11-03T06:30:00Z'), copenhagen('07:30'))).toBe('2026-11-02');
    // 00:15 local on 4 Nov is still 3 Nov in UTC: the local day decides.
    expect(dueSummaryDay(new Date('2026-11-03T23:15:00Z'), copenhagen('00:10'))).toBe('2026-11-03');
  });

  it('keeps local time across the autumn change (CEST → CET)', () => {
    // 25 Oct 2026 is 25 hours long: 07:30 local is 06:30Z, not 05:30Z.
    expect(dueSummaryDay(new Date('2026-10-25T05:30:00Z'), copenhagen('07:30'))).toBeUndefined();
    expect(dueSummaryDay(new Date('2026-10-25T06:30:00Z'), copenhagen('07:30'))).toBe('2026-10-24');
    expect(nextSummaryAt(new Date('2026-10-24T12:00:00Z'), copenhagen('07:30'))).toEqual(new Date('2026-10-25T06:30:00Z'));
  });

  it('keeps local time across the spring change, also for a time the jump skips', () => {
    expect(dueSummaryDay(new Date('2026-03-29T05:29:00Z'), copenhagen('07:30'))).toBeUndefined();
    expect(dueSummaryDay(new Date('2026-03-29T05:30:00Z'), copenhagen('07:30'))).toBe('2026-03-28');
    // 02:30 does not exist on 29 Mar 2026; the first check after the jump (03:00 CEST = 01:00Z) is due.
    expect(dueSummaryDay(new Date('2026-03-29T00:59:00Z'), copenhagen('02:30'))).toBeUndefined();
    expect(dueSummaryDay(new Date('2026-03-29T01:00:00Z'), copenhagen('02:30'))).toBe('2026-03-28');
    expect(nextSummaryAt(new Date('2026-03-28T12:00:00Z'), copenhagen('07:30'))).toEqual(new Date('2026-03-29T05:30:00Z'));
  });

  it('has no next time when summaries are off', () => {
    expect(nextSummaryAt(new Date('2026-11-03T06:30:00Z'), { ...copenhagen('07:30'), enabled: false })).toBeNull();
  });
});
