import { bucketKeyLength, hourRepresentatives, sumByLocalDay } from './day-buckets';

const NOW = new Date('2026-11-20T12:00:00.000Z');

describe('bucketKeyLength', () => {
  it('groups by UTC hour where offsets are whole hours, else by minute', () => {
    expect(bucketKeyLength('Europe/Copenhagen', NOW)).toBe(13);
    expect(bucketKeyLength('UTC', NOW)).toBe(13);
    expect(bucketKeyLength('Asia/Kolkata', NOW)).toBe(16);
    expect(bucketKeyLength('Asia/Kathmandu', NOW)).toBe(16);
    // Lord Howe shifts by half an hour in summer only.
    expect(bucketKeyLength('Australia/Lord_Howe', NOW)).toBe(16);
  });
});

describe('hourRepresentatives', () => {
  it('runs the UTC hours on one local day together, and keeps an hour a DST change moves across midnight apart', () => {
    const copenhagen = [...hourRepresentatives('Europe/Copenhagen', NOW)];
    // UTC+1 in winter, +2 in summer: 00-21 are that day, 22 is that day in winter only, 23 the next day.
    expect(copenhagen).toEqual([...Array.from({ length: 22 }, (_, h) => [String(h).padStart(2, '0'), '00']), ['22', '22'], ['23', '23']]);
    expect(new Set(hourRepresentatives('UTC', NOW).values())).toEqual(new Set(['00']));
  });
});

describe('sumByLocalDay', () => {
  it('adds buckets per local day and currency, oldest day first, skipping empty buckets', () => {
    expect(
      sumByLocalDay(
        [
          { bucket: '2026-11-02T08', currency: 'DKK', count: 1, minor: 500 },
          { bucket: '2026-11-01T23', currency: 'EUR', count: 2, minor: 70 },
          { bucket: '2026-11-01T22', currency: 'DKK', count: 1, minor: 100 },
          { bucket: '2026-11-01T12', currency: 'DKK', count: 0, minor: 0 },
          { bucket: '2026-11-01T23', currency: 'DKK', count: 1, minor: 3 },
        ],
        'Europe/Copenhagen',
      ),
    ).toEqual([
      { day: '2026-11-01', count: 1, amounts: [{ currency: 'DKK', minor: 100 }] },
      {
        day: '2026-11-02',
        count: 4,
        amounts: [
          { currency: 'DKK', minor: 503 },
          { currency: 'EUR', minor: 70 },
        ],
      },
    ]);
  });

  it('reads minute buckets', () => {
    expect(sumByLocalDay([{ bucket: '2026-11-01T18:30', currency: 'INR', count: 1, minor: 1 }], 'Asia/Kolkata')[0]?.day).toBe('2026-11-02');
  });
});
