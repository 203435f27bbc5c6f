import { periodFromKey, resolveNamedPeriod } from './periods';

const TZ = 'Europe/Copenhagen';

test('a card period key reads back to the same local days and instants', () => {
  const yesterday = resolveNamedPeriod('yesterday', new Date('2026-10-26T08:00:00Z'), TZ, 'en');
  const back = periodFromKey(yesterday.key, TZ, 'en');
  expect(back).toMatchObject({ firstDay: '2026-10-25', lastDay: '2026-10-25', from: yesterday.from, to: yesterday.to });
  expect(back && (back.to.getTime() - back.from.getTime()) / 3_600_000).toBe(25);
});

test.each([['2026-11-01'], ['2026-11-15..2026-11-01'], ['2026-02-30..2026-03-01'], ['x..y'], ['2026-11-01..2026-11-02;drop']])(
  'a malformed key %s is refused',
  (key) => {
    expect(periodFromKey(key, TZ, 'da')).toBeUndefined();
  },
);
