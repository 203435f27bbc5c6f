import { en } from '../../i18n/messages-en';
import { da } from '../../i18n/messages-da';
import { auditDetails } from './audit-details';
import { auditSubject } from './audit-subject';

describe('audit subject', () => {
  it('names the subject by its kind, and an invoice by its Business Central number when it has one', () => {
    expect(auditSubject({ action: 'appointment.excluded', subject: 'appt-1', details: null }, en)).toBe('Appointment appt-1');
    expect(auditSubject({ action: 'invoice.run', subject: 'run-1', details: {} }, en)).toBe('Invoice run run-1');
    expect(auditSubject({ action: 'invoice.posted', subject: 'inv-9', details: { number: 'S-INV103001' } }, en)).toBe('Invoice S-INV103001');
    expect(auditSubject({ action: 'invoice.deleted', subject: 'inv-9', details: { number: null } }, da)).toBe('Faktura inv-9');
    expect(auditSubject({ action: 'setup.changed', subject: 'salon@contoso.dk', details: {} }, en)).toBe('Setup of salon@contoso.dk');
    expect(auditSubject({ action: 'other.thing', subject: 'x-1', details: null }, en)).toBe('x-1');
    expect(auditSubject({ action: 'invoice.run', subject: null, details: null }, en)).toBe('');
  });
});

describe('audit details', () => {
  it('shows plain values and setup changes as text, never JSON', () => {
    expect(auditDetails({ businessId: 'b', from: 'unbilled', to: 'excluded', reason: 'Paid in cash' })).toBe('from: unbilled · to: excluded · reason: Paid in cash');
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
