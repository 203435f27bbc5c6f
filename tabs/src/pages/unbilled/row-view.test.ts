import { fakeRow } from '../../http/testing/fake-api';
import { da } from '../../i18n/messages-da';
import { en } from '../../i18n/messages-en';
import { rowView } from './row-view';

describe('rowView', () => {
  it('says of an invoiceable row whose last attempt failed that it can be invoiced again, in English and Danish', () => {
    const row = fakeRow(1, { note: 'last-attempt-failed' });
    expect(rowView(row, en, 'en-GB', 'Europe/Copenhagen', new Map()).reason).toBe('Last attempt failed; can be invoiced again');
    expect(rowView(row, da, 'da-DK', 'Europe/Copenhagen', new Map()).reason).toBe('Sidste forsøg mislykkedes; kan faktureres igen');
  });

  it('shows a blocking reason before the note', () => {
    const row = fakeRow(1, { note: 'last-attempt-failed', reason: 'price-needed', reasons: ['price-needed'] });
    expect(rowView(row, en, 'en-GB', 'Europe/Copenhagen', new Map()).reason).toBe('Price needed');
  });

  it('names a no-show or late cancellation billed as its fee, in English and Danish, with the state once billed', () => {
    const fee = { kind: 'no-show' as const, amount: { minor: 22_500, currency: 'DKK' } };
    const row = fakeRow(1, { fee, amount: fee.amount });
    expect(rowView(row, en, 'en-GB', 'Europe/Copenhagen', new Map()).state).toBe('No-show fee');
    expect(rowView(row, da, 'da-DK', 'Europe/Copenhagen', new Map()).state).toBe('Gebyr for udeblivelse');
    const late = fakeRow(2, { state: 'invoiced', fee: { kind: 'late-cancellation', amount: fee.amount } });
    expect(rowView(late, en, 'en-GB', 'Europe/Copenhagen', new Map()).state).toBe('Invoiced · Late cancellation fee');
    expect(rowView(fakeRow(3), en, 'en-GB', 'Europe/Copenhagen', new Map()).state).toBe('Unbilled');
  });
});
