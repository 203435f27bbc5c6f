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

  it.each([
    ['an ended unbilled row', {}, 'mark'],
    ['an excluded row', { state: 'excluded' as const, reason: 'excluded' as const, reasons: ['excluded' as const] }, 'mark'],
    ['a row that has not ended', { reason: 'not-ended' as const, reasons: ['not-ended' as const] }, null],
    ['a cancelled row', { state: 'cancelled' as const, reason: 'cancelled' as const, reasons: ['cancelled' as const] }, null],
    ['a row a run has claimed', { state: 'claimed' as const, noShow: true }, null],
    ['an invoiced row', { state: 'invoiced' as const }, null],
    ['a marked row', { noShow: true }, 'undo'],
    ['a marked row cancelled since', { noShow: true, state: 'cancelled' as const, reasons: ['cancelled' as const] }, 'undo'],
  ])('offers the no-show action that fits %s', (_, change, action) => {
    expect(rowView(fakeRow(1, change), en, 'en-GB', 'Europe/Copenhagen', new Map()).noShowAction).toBe(action);
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
