import fc from 'fast-check';
import type { Command, Period } from './command';
import { parseCommand } from './parse-command';

const TZ = 'Europe/Copenhagen';
/** Tuesday 3 November 2026, 13:00 in Copenhagen (CET, UTC+1). */
const NOW = new Date('2026-11-03T12:00:00Z');

function parse(text: string, now: Date = NOW, timeZone = TZ): Command {
  return parseCommand(text, { now, timeZone, botNames: ['Bookings Invoicing'] });
}

function periodOf(command: Command): Period | null {
  if (command.kind === 'invoice' || command.kind === 'unbilled' || command.kind === 'summary') return command.period;
  throw new Error(`expected a command with a period, got ${command.kind}`);
}

function days(command: Command): string | undefined {
  return periodOf(command)?.key;
}

function span(command: Command): { from: string; to: string } | undefined {
  const p = periodOf(command);
  return p ? { from: p.from.toISOString(), to: p.to.toISOString() } : undefined;
}

describe('English commands', () => {
  test.each([
    ['invoice yesterday', '2026-11-02..2026-11-02'],
    ['invoice today', '2026-11-03..2026-11-03'],
    ['invoice last week', '2026-10-26..2026-11-01'],
    ['invoice this week', '2026-11-02..2026-11-08'],
    ['invoice this month', '2026-11-01..2026-11-30'],
    ['invoice last month', '2026-10-01..2026-10-31'],
    ['invoice 2026-11-01..2026-11-15', '2026-11-01..2026-11-15'],
    ['invoice 2026-11-01 .. 2026-11-15', '2026-11-01..2026-11-15'],
    ['invoice 2026-10-05', '2026-10-05..2026-10-05'],
  ])('%s covers %s', (text, key) => {
    const command = parse(text);
    expect(command).toMatchObject({ kind: 'invoice', customer: null, language: 'en' });
    expect(days(command)).toBe(key);
  });

  test('a period is a half-open range of local days in UTC instants', () => {
    expect(span(parse('invoice yesterday'))).toEqual({ from: '2026-11-01T23:00:00.000Z', to: '2026-11-02T23:00:00.000Z' });
    expect(span(parse('invoice 2026-11-01..2026-11-15'))).toEqual({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-15T23:00:00.000Z' });
  });

  test('ignores case, extra spaces, punctuation, filler words and the mention', () => {
    for (const text of [
      'INVOICE   Yesterday',
      '<at>Bookings Invoicing</at> invoice yesterday',
      '<at id="0">Bookings Invoicing</at>&nbsp;invoice yesterday',
      'Bookings Invoicing: invoice yesterday',
      '@Bookings Invoicing invoice yesterday!',
      'please invoice yesterday for me',
      'hi, could you invoice yesterday, thanks',
    ]) {
      expect(parse(text)).toMatchObject({ kind: 'invoice', customer: null, period: { key: '2026-11-02..2026-11-02' } });
    }
  });

  test('what follows the period or the command is the customer, name or email', () => {
    expect(parse('invoice last week anne@example.dk')).toMatchObject({
      kind: 'invoice',
      customer: 'anne@example.dk',
      period: { name: 'lastWeek' },
    });
    expect(parse('invoice Anne Jensen')).toMatchObject({ kind: 'invoice', customer: 'Anne Jensen', period: null });
    expect(parse('invoice for "Anne Jensen" this month')).toMatchObject({ customer: 'Anne Jensen', period: { name: 'thisMonth' } });
    expect(parse('invoice Anne yesterday')).toMatchObject({ customer: 'Anne', period: { name: 'yesterday' } });
  });

  test('a bare invoice names neither period nor customer', () => {
    expect(parse('invoice')).toEqual({ kind: 'invoice', period: null, customer: null, language: 'en' });
  });

  test.each([
    ['unbilled', { kind: 'unbilled', period: null, customer: null }],
    ['show me what is not invoiced', { kind: 'unbilled', customer: null }],
    ['unbilled last month', { kind: 'unbilled', period: { name: 'lastMonth' } }],
    ['unbilled for anne@example.dk', { kind: 'unbilled', customer: 'anne@example.dk' }],
    ['summary', { kind: 'summary', period: null }],
    ['daily summary last week', { kind: 'summary', period: { name: 'lastWeek' } }],
    ['sync now', { kind: 'sync' }],
    ['Sync', { kind: 'sync' }],
    ['status', { kind: 'status' }],
    ['help', { kind: 'help' }],
    ['HELP!', { kind: 'help' }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toMatchObject({ ...expected, language: 'en' });
  });
});

describe('Danish commands', () => {
  test.each([
    ['fakturer i går', '2026-11-02..2026-11-02'],
    ['Fakturér i dag', '2026-11-03..2026-11-03'],
    ['fakturer igår', '2026-11-02..2026-11-02'],
    ['fakturer sidste uge', '2026-10-26..2026-11-01'],
    ['fakturer i denne uge', '2026-11-02..2026-11-08'],
    ['fakturer denne måned', '2026-11-01..2026-11-30'],
    ['FAKTURER SIDSTE MÅNED', '2026-10-01..2026-10-31'],
    ['fakturer 1/11/2026..15/11/2026', '2026-11-01..2026-11-15'],
    ['fakturer 01-11-2026 til 15-11-2026', '2026-11-01..2026-11-15'],
    ['fakturer 5.11.2026', '2026-11-05..2026-11-05'],
    ['kan du fakturere i går, tak', '2026-11-02..2026-11-02'],
  ])('%s covers %s', (text, key) => {
    const command = parse(text);
    expect(command).toMatchObject({ kind: 'invoice', customer: null, language: 'da' });
    expect(days(command)).toBe(key);
  });

  test('a customer with Danish letters around the period', () => {
    expect(parse('fakturer Søren Ærø i går')).toMatchObject({ kind: 'invoice', customer: 'Søren Ærø', period: { name: 'yesterday' } });
    expect(parse('<at>Bookings Invoicing</at> fakturer sidste uge for søren@ærø.dk')).toMatchObject({
      customer: 'søren@ærø.dk',
      period: { name: 'lastWeek' },
    });
  });

  test('labels are in the language of the message', () => {
    expect(periodOf(parse('fakturer i går'))?.label).toBe('i går (2. nov. 2026)');
    expect(periodOf(parse('invoice yesterday'))?.label).toBe('yesterday (Nov 2, 2026)');
  });

  test.each([
    ['ikke fakturerede', { kind: 'unbilled', period: null, customer: null }],
    ['vis ufakturerede sidste måned', { kind: 'unbilled', period: { name: 'lastMonth' } }],
    ['oversigt', { kind: 'summary', period: null }],
    ['opsummering i går', { kind: 'summary', period: { name: 'yesterday' } }],
    ['synkroniser nu', { kind: 'sync' }],
    ['hjælp', { kind: 'help' }],
    ['kan du vise status', { kind: 'status' }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toMatchObject({ ...expected, language: 'da' });
  });

  test('"ikke fakturerede" lists, it does not invoice', () => {
    expect(parse('ikke fakturerede i går').kind).toBe('unbilled');
  });
});

describe('not understood', () => {
  test.each([['hello there'], [''], ['<at>Bookings Invoicing</at>'], ['yesterday']])('"%s" is unknown', (text) => {
    expect(parse(text)).toMatchObject({ kind: 'unknown', problem: 'noCommand' });
  });

  test.each([['invoice 2026-02-30'], ['fakturer 31/4/2026'], ['invoice 2026-13-01'], ['invoice 2026-11-01..2026-11-31']])(
    '%s has an impossible date',
    (text) => {
      expect(parse(text)).toMatchObject({ kind: 'unknown', problem: 'invalidDate', text });
    },
  );

  test('a range ending before it starts', () => {
    expect(parse('invoice 2026-11-15..2026-11-01')).toMatchObject({ kind: 'unknown', problem: 'invalidRange' });
  });

  test('the unknown text is the message without the mention', () => {
    expect(parse('<at>Bookings Invoicing</at> do a dance')).toMatchObject({ kind: 'unknown', text: 'do a dance' });
  });
});

describe('periods in the business time zone', () => {
  test('23:30 UTC on a winter day is already tomorrow in Copenhagen', () => {
    const now = new Date('2026-01-14T23:30:00Z');
    expect(days(parse('invoice today', now))).toBe('2026-01-15..2026-01-15');
    expect(span(parse('invoice yesterday', now))).toEqual({ from: '2026-01-13T23:00:00.000Z', to: '2026-01-14T23:00:00.000Z' });
    expect(days(parse('invoice today', new Date('2026-01-14T22:59:59Z')))).toBe('2026-01-14..2026-01-14');
  });

  test('22:15 UTC on a summer day is already tomorrow in Copenhagen (UTC+2)', () => {
    const now = new Date('2026-07-01T22:15:00Z');
    expect(span(parse('fakturer i dag', now))).toEqual({ from: '2026-07-01T22:00:00.000Z', to: '2026-07-02T22:00:00.000Z' });
  });

  test('the same instant is another day in another zone', () => {
    const now = new Date('2026-01-15T03:00:00Z');
    expect(days(parse('invoice today', now, 'America/New_York'))).toBe('2026-01-14..2026-01-14');
    expect(days(parse('invoice today', now, TZ))).toBe('2026-01-15..2026-01-15');
  });

  test('last week containing the October change is 7 days and 1 hour long', () => {
    const command = parse('invoice last week', new Date('2026-10-28T10:00:00Z'));
    expect(days(command)).toBe('2026-10-19..2026-10-25');
    expect(span(command)).toEqual({ from: '2026-10-18T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' });
  });

  test('a month containing the March change is one hour short', () => {
    const thisMonth = parse('invoice this month', new Date('2026-03-15T10:00:00Z'));
    expect(span(thisMonth)).toEqual({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
    expect(span(parse('fakturer sidste måned', new Date('2026-04-10T10:00:00Z')))).toEqual(span(thisMonth));
    const p = periodOf(thisMonth);
    expect(p && (p.to.getTime() - p.from.getTime()) / 3_600_000).toBe(31 * 24 - 1);
  });

  test('the day of the change itself', () => {
    expect(span(parse('invoice 2026-10-25'))).toEqual({ from: '2026-10-24T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' });
    expect(span(parse('invoice 29-03-2026'))).toEqual({ from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
  });

  test('weeks run Monday to Sunday, also over a new year', () => {
    const sundayEvening = new Date('2026-11-08T20:00:00Z');
    expect(days(parse('invoice this week', sundayEvening))).toBe('2026-11-02..2026-11-08');
    const mondayJustAfterMidnight = new Date('2026-11-08T23:30:00Z');
    expect(days(parse('invoice this week', mondayJustAfterMidnight))).toBe('2026-11-09..2026-11-15');
    expect(days(parse('invoice last week', mondayJustAfterMidnight))).toBe('2026-11-02..2026-11-08');
    expect(days(parse('invoice last week', new Date('2027-01-01T12:00:00Z')))).toBe('2026-12-21..2026-12-27');
    expect(days(parse('invoice last month', new Date('2026-01-10T12:00:00Z')))).toBe('2025-12-01..2025-12-31');
  });

  test('yesterday always ends where today starts, whatever the zone and instant', () => {
    const zones = ['Europe/Copenhagen', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (now, timeZone) => {
          const yesterday = periodOf(parse('invoice yesterday', now, timeZone));
          const today = periodOf(parse('invoice today', now, timeZone));
          if (!yesterday || !today) return false;
          const hours = (yesterday.to.getTime() - yesterday.from.getTime()) / 3_600_000;
          return (
            yesterday.to.getTime() === today.from.getTime() &&
            today.from.getTime() <= now.getTime() &&
            now.getTime() < today.to.getTime() &&
            hours >= 23 &&
            hours <= 25
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
