import { helpData } from '../cards/help-card';
import { periodFromKey } from './periods';
import { parseCommand } from './parse-command';

const options = { now: new Date('2026-11-03T12:00:00Z'), timeZone: 'Europe/Copenhagen' };

test.each([
  ['invoice 1950-01-01..9999-12-31', 'periodOutOfRange'],
  ['unbilled 1999-12-31', 'periodOutOfRange'],
  ['fakturer 1/1/2001..1/1/2026', 'periodTooLong'],
  ['invoice 2016-01-01..2026-01-01', 'periodTooLong'],
])('"%s" is not understood, with the reason %s', (text, problem) => {
  expect(parseCommand(text, options)).toMatchObject({ kind: 'unknown', problem });
});

test('a period of exactly 10 years within 2000-2100 is a period', () => {
  expect(parseCommand('invoice 2016-01-01..2025-12-31', options)).toMatchObject({ kind: 'invoice', period: { key: '2016-01-01..2025-12-31' } });
});

test('the help card says what is wrong, in English and Danish', () => {
  const en = JSON.stringify(helpData({ notUnderstood: { text: 'invoice 0001-01-01..9999-12-31', problem: 'periodOutOfRange' } }, 'en-US'));
  expect(en).toContain('reaches outside the years 2000 to 2100');
  const da = JSON.stringify(helpData({ notUnderstood: { text: 'fakturer 2001-01-01..2026-01-01', problem: 'periodTooLong' } }, 'da-DK'));
  expect(da).toContain('er perioden længere end 10 år');
});

test("a card's period key out of bounds reads as no period", () => {
  expect(periodFromKey('0001-01-01..9999-12-31', 'Europe/Copenhagen', 'en')).toBeUndefined();
  expect(periodFromKey('2026-11-01..2026-11-15', 'Europe/Copenhagen', 'en')?.key).toBe('2026-11-01..2026-11-15');
});
