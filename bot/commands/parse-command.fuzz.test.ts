import fc from 'fast-check';
import { helpCard } from '../cards/help-card';
import type { Command } from './command';
import { parseCommand } from './parse-command';

/*
 * Whatever a person (or a script) types, parsing answers a command or a help answer: it never
 * throws, a period it returns is a real span inside the years periods may reach, and the help card
 * for what it did not understand renders.
 */

const SEED = 20261204;
const WORDS = [
  'invoice',
  'fakturer',
  'unbilled',
  'ikke',
  'fakturerede',
  'summary',
  'oversigt',
  'sync',
  'now',
  'synkroniser',
  'nu',
  'status',
  'help',
  'hjælp',
  'yesterday',
  'today',
  'last',
  'week',
  'this',
  'month',
  'i',
  'går',
  'dag',
  'sidste',
  'uge',
  'denne',
  'måned',
  '..',
  '-',
  'to',
  'til',
  '2026-11-01',
  '2026-11-15',
  '2026-02-30',
  '0001-01-01',
  '9999-12-31',
  '1950-01-01',
  '1/11/2026',
  '31/2/2026',
  '15.11.2026',
  '2026-11-01..2026-11-15',
  '2026-11-15..2026-11-01',
  '2001-01-01..2026-01-01',
  '<at>Bookings Invoicing</at>',
  '@Bookings',
  'anna@contoso.com',
  'Søren',
  '<b>x</b>',
  '&nbsp;',
  '\u0000',
  '\u202e',
  '😀',
  '\ud800',
];
const zones = ['Europe/Copenhagen', 'UTC', 'Pacific/Kiritimati', 'America/Santiago', 'Asia/Kolkata'];

const message = fc.oneof(
  fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 8 })
    .map((w) => w.join(' ')),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const now = fc.date({ min: new Date('2000-01-02T00:00:00Z'), max: new Date('2100-12-30T00:00:00Z'), noInvalidDate: true });

function periodOf(command: Command) {
  return command.kind === 'invoice' || command.kind === 'unbilled' || command.kind === 'summary' ? command.period : null;
}

test('parseCommand never throws and always answers a command or a help answer (4,000 messages)', () => {
  const seen = new Map<string, number>();
  fc.assert(
    fc.property(message, now, fc.constantFrom(...zones), (text, at, timeZone) => {
      const command = parseCommand(text, { now: at, timeZone, botNames: ['Bookings Invoicing'] });
      expect(['invoice', 'unbilled', 'summary', 'sync', 'status', 'help', 'unknown']).toContain(command.kind);
      expect(['en', 'da']).toContain(command.language);
      const period = periodOf(command);
      const kind = period !== null ? 'with a period' : command.kind === 'unknown' ? `unknown: ${command.problem}` : 'other';
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      if (period !== null) {
        expect(period.from.getTime()).toBeLessThan(period.to.getTime());
        expect(period.firstDay <= period.lastDay).toBe(true);
        expect(Number(period.firstDay.slice(0, 4))).toBeGreaterThanOrEqual(1999);
        expect(Number(period.lastDay.slice(0, 4))).toBeLessThanOrEqual(2101);
      }
      if (command.kind === 'unknown') {
        const card = JSON.stringify(
          helpCard({ notUnderstood: { text: command.text, problem: command.problem } }, command.language === 'da' ? 'da-DK' : 'en-US'),
        );
        expect(card.length).toBeGreaterThan(0);
      }
    }),
    { seed: SEED, numRuns: 4_000 },
  );
  // The generator reaches every kind of answer, so the checks above all ran.
  expect([...seen.keys()].sort()).toEqual(
    expect.arrayContaining([
      'other',
      'unknown: invalidDate',
      'unknown: invalidRange',
      'unknown: noCommand',
      'unknown: periodOutOfRange',
      'unknown: periodTooLong',
      'with a period',
    ]),
  );
});
