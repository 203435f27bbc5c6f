import { REASONS } from '../../service/unbilled';
import { statusText } from './unbilled';

describe('unbilled status column', () => {
  it('says in words what holds a row back, every reason of it, and when it is ready', () => {
    expect(statusText({ reason: null, reasons: [], reviewReason: null, fee: null })).toBe('Ready to invoice');
    expect(statusText({ reason: 'customer-without-email', reasons: ['customer-without-email', 'price-needed'], reviewReason: null, fee: null })).toBe(
      'Customer has no email; Price needed',
    );
    expect(statusText({ reason: 'review', reasons: ['review'], reviewReason: 'Changed in Bookings after invoicing: price', fee: null })).toBe(
      'Changed in Bookings after invoicing: price',
    );
    const fee = { kind: 'late-cancellation' as const, amount: { minor: 15_000, currency: 'DKK' } };
    expect(statusText({ reason: null, reasons: [], reviewReason: null, fee })).toBe('Ready to invoice: Late cancellation fee');
    expect(statusText({ reason: 'fee-item-missing', reasons: ['fee-item-missing'], reviewReason: null, fee })).toBe(
      'No fee item set up for no-shows and late cancellations (Setup: noShowFee)',
    );
  });

  it('has words, not codes, for every reason there is', () => {
    for (const reason of REASONS) {
      const text = statusText({ reason, reasons: [reason], reviewReason: null, fee: null });
      expect(text).not.toBe(reason);
      expect(text).toMatch(/^[A-Z][a-z]+( |$)/);
    }
  });
});
