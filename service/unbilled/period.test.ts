import { startBounds } from './period';

describe('startBounds', () => {
  it('turns dates into local midnights, the end date included', () => {
    expect(startBounds('2026-11-01', '2026-11-15', 'Europe/Copenhagen')).toEqual({
      fromUtc: '2026-10-31T23:00:00.000Z',
      toUtc: '2026-11-15T23:00:00.000Z',
    });
  });

  it('follows the offset of each day across summer time', () => {
    // 25 October 2026 is 25 hours long in Copenhagen.
    expect(startBounds('2026-10-25', '2026-10-25', 'Europe/Copenhagen')).toEqual({
      fromUtc: '2026-10-24T22:00:00.000Z',
      toUtc: '2026-10-25T23:00:00.000Z',
    });
  });

  it('reads date-times as instants in their own offset', () => {
    expect(startBounds('2026-11-01T08:00:00+01:00', undefined, 'America/New_York')).toEqual({ fromUtc: '2026-11-01T07:00:00.000Z' });
    expect(startBounds(undefined, '2026-11-01T08:00:00Z', 'Asia/Tokyo')).toEqual({ toUtc: '2026-11-01T08:00:00.000Z' });
  });

  it('leaves out what was not given', () => {
    expect(startBounds(undefined, undefined, 'UTC')).toEqual({});
  });
});
