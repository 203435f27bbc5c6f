import { REASONS } from '../../service/unbilled';
import { statusText } from './unbilled';

describe('unbilled status column', () => {
  it('says in words what holds a row back, every reason of it, and when it is ready', () => {
    expect(statusText({ reason: null, reasons: [], reviewReason: null })).toBe('Ready to invoice');
    expect(statusText({ reason: 'customer-without-email', reasons: ['customer-without-email', 'price-needed'], reviewReason: null })).toBe(
      'Customer has no email; Price needed',
    );
    expect(statusText({ reason: 'review', reasons: ['review'], reviewReason: 'Changed in Bookings after invoicing: price' })).toBe(
      'Changed in Bookings after invoicing: price',
    );
  });

  it('has words, not codes, for every reason there is', () => {
    for (const reason of REASONS) {
      const text = statusText({ reason, reasons: [reason], reviewReason: null });
      expect(text).not.toBe(reason);
      expect(text).toMatch(/^[A-Z][a-z]+( |$)/);
    }
  });
});
