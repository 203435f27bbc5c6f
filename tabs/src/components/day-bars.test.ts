import { sameDays } from './day-bars';

const day = (d: string, count: number, minor: number, currency = 'DKK') => ({ day: d, count, amounts: [{ minor, currency }] });

describe('whether the chart has anything new to draw', () => {
  it('finds two answers with the same days, counts and amounts the same', () => {
    expect(sameDays([day('2026-11-02', 3, 150000)], [day('2026-11-02', 3, 150000)])).toBe(true);
  });

  it.each([
    ['a day more', [day('2026-11-02', 3, 150000), day('2026-11-03', 1, 50000)]],
    ['another day', [day('2026-11-03', 3, 150000)]],
    ['another count', [day('2026-11-02', 2, 150000)]],
    ['another amount', [day('2026-11-02', 3, 100000)]],
    ['another currency', [day('2026-11-02', 3, 150000, 'EUR')]],
    [
      'a second currency',
      [
        {
          day: '2026-11-02',
          count: 3,
          amounts: [
            { minor: 150000, currency: 'DKK' },
            { minor: 100, currency: 'EUR' },
          ],
        },
      ],
    ],
  ])('tells them apart with %s', (_, other) => {
    expect(sameDays([day('2026-11-02', 3, 150000)], other)).toBe(false);
  });
});
