import fc from 'fast-check';
import { DESCRIPTION_MAX_LENGTH, describeLine, truncateText } from './line-description';

const base = {
  serviceName: 'Fysioterapi, behandling',
  start: new Date('2026-11-24T08:00:00Z'),
  timeZone: 'Europe/Copenhagen',
  staffNames: ['Mette Holm'],
};

function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('describeLine', () => {
  it('says service, local date and time, and staff', () => {
    expect(describeLine(base)).toBe('Fysioterapi, behandling · 24-11-2026 09:00 · Mette Holm');
    expect(describeLine({ ...base, locale: 'en-GB', staffNames: ['Mette Holm', 'Jens Berg'] })).toBe(
      'Fysioterapi, behandling · 24/11/2026 09:00 · Mette Holm, Jens Berg',
    );
  });

  it('says first that a line bills a no-show or a late cancellation, in Danish and English, within 100 characters', () => {
    expect(describeLine({ ...base, feeKind: 'no-show' })).toBe('Udeblivelse: Fysioterapi, behandling · 24-11-2026 09:00 · Mette Holm');
    expect(describeLine({ ...base, feeKind: 'late-cancellation', locale: 'en-GB' })).toBe(
      'Late cancellation: Fysioterapi, behandling · 24/11/2026 09:00 · Mette Holm',
    );
    const long = describeLine({ ...base, serviceName: 'x'.repeat(150), feeKind: 'late-cancellation' });
    expect(long.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH);
    expect(long.startsWith('Sent afbud: xxx')).toBe(true);
  });

  it('uses the business time zone, summer time included', () => {
    expect(describeLine({ ...base, start: new Date('2026-07-01T22:30:00Z') })).toContain('02-07-2026 00:30');
    expect(describeLine({ ...base, timeZone: 'America/New_York' })).toContain('24-11-2026 03:00');
  });

  it('adds the duration when the quantity does not show it', () => {
    expect(describeLine({ ...base, durationMinutes: 50 })).toBe('Fysioterapi, behandling · 24-11-2026 09:00 · 50 min · Mette Holm');
    expect(describeLine({ ...base, durationMinutes: 90, locale: 'en-GB' })).toContain('· 1 h 30 min ·');
    expect(describeLine({ ...base, durationMinutes: 120 })).toContain('· 2 t ·');
  });

  it('keeps Bookings text on one line and leaves out missing staff', () => {
    expect(describeLine({ ...base, serviceName: ' Massage\n 60  min ', staffNames: ['', ' '] })).toBe('Massage 60 min · 24-11-2026 09:00');
  });

  it('shortens a long service name before giving up the date and staff', () => {
    const text = describeLine({ ...base, serviceName: 'Behandling '.repeat(20) });
    expect(text).toHaveLength(DESCRIPTION_MAX_LENGTH);
    expect(text).toMatch(/^Behandling Behandling .*… · 24-11-2026 09:00 · Mette Holm$/);
  });

  it('never exceeds Text[100] nor splits a character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 150 }),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
        (serviceName, staffNames, durationMinutes) => {
          const text = describeLine({ ...base, serviceName, staffNames, ...(durationMinutes === undefined ? {} : { durationMinutes }) });
          expect(text.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH);
          expect(isWellFormed(text)).toBe(true);
        },
      ),
    );
  });
});

describe('truncateText', () => {
  it('cuts before an emoji rather than through it', () => {
    const text = `${'a'.repeat(98)}😀😀`;
    const cut = truncateText(text, 100);
    expect(cut).toBe(`${'a'.repeat(98)}…`);
    expect(truncateText('short', 100)).toBe('short');
  });
});
