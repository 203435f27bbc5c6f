import { auditDetails } from './audit-details';
import { auditSubject } from './audit-subject';
import { recordWordsDa as da } from './record-words-da';
import { recordWordsEn as en } from './record-words-en';
import { whoText } from './who-text';

describe('audit subject', () => {
  const tz = 'Europe/Copenhagen';
  it('names the subject from what is known of it, never by its id', () => {
    const appointment = { kind: 'appointment' as const, service: 'Sportsmassage', customers: ['Jens Hansen'], start: '2026-12-03T09:00:00.000Z' };
    expect(auditSubject({ action: 'appointment.excluded', subject: 'AAMkADc3', about: appointment }, en, 'en-GB', tz)).toBe(
      'Appointment: Sportsmassage, Jens Hansen, 3 Dec, 10:00',
    );
    expect(auditSubject({ action: 'appointment.excluded', subject: 'AAMkADc3', about: appointment }, da, 'da-DK', tz)).toBe(
      'Aftale: Sportsmassage, Jens Hansen, 3. dec., 10.00',
    );
    expect(auditSubject({ action: 'invoice.run', subject: 'run-1', about: { kind: 'invoice-run', at: '2026-12-03T06:30:00.000Z' } }, en, 'en-GB', tz)).toBe(
      'Invoice run of 3 Dec, 07:30',
    );
    expect(
      auditSubject({ action: 'invoice.posted', subject: 'inv-9', about: { kind: 'invoice', number: 'S-INV103001', customer: 'Jens Hansen' } }, en, 'en-GB', tz),
    ).toBe('Invoice S-INV103001, Jens Hansen');
    expect(auditSubject({ action: 'setup.changed', subject: 'salon@contoso.dk', about: { kind: 'setup' } }, da, 'da-DK', tz)).toBe('Opsætningen');
  });

  it('says the kind of a subject no longer stored, and nothing for an unknown kind', () => {
    expect(auditSubject({ action: 'appointment.excluded', subject: 'AAMkADc3', about: null }, en, 'en-GB', tz)).toBe('An appointment no longer in the list');
    expect(auditSubject({ action: 'invoice.deleted', subject: 'inv-9', about: null }, da, 'da-DK', tz)).toBe('En faktura');
    expect(auditSubject({ action: 'invoice.duplicate-found', subject: 'run-1', about: null }, en, 'en-GB', tz)).toBe('An invoice run');
    expect(auditSubject({ action: 'other.thing', subject: 'x-1', about: null }, en, 'en-GB', tz)).toBe('');
  });
});

describe('who', () => {
  it('names a person by name and every other actor in words', () => {
    expect(whoText({ kind: 'person', name: 'Anna Berg' }, en)).toBe('Anna Berg');
    expect(whoText({ kind: 'cli', user: 'root' }, en)).toBe('Command line');
    expect(whoText({ kind: 'sandbox' }, da)).toBe('Sandkassebruger');
    expect(whoText({ kind: 'scheduler' }, en)).toBe('Scheduler');
    expect(whoText({ kind: 'daily-summary' }, da)).toBe('Daglig oversigt');
  });
});

describe('audit details', () => {
  it('shows plain values and setup changes as text, never JSON', () => {
    expect(auditDetails({ businessId: 'b', from: 'unbilled', to: 'excluded', reason: 'Paid in cash' })).toBe(
      'from: unbilled · to: excluded · reason: Paid in cash',
    );
    expect(auditDetails({ version: 4, changes: [{ path: 'dailySummary.time', from: '07:00', to: '08:00' }, { path: 'syncIntervalMinutes' }] })).toBe(
      'version: 4 · changes: dailySummary.time, syncIntervalMinutes',
    );
    expect(auditDetails({ selection: { kind: 'filter' }, retryOf: null })).toBe('');
    expect(auditDetails(null)).toBe('');
  });

  it('keeps to one short line', () => {
    const text = auditDetails({ reason: 'x'.repeat(500) });
    expect(text).toHaveLength(160);
    expect(text.endsWith('…')).toBe(true);
  });
});
