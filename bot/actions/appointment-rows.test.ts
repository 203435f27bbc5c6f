import type { UnbilledRow } from '../../service/unbilled';
import { cardRowOf } from './appointment-rows';

const NO_STAFF = new Map<string, string>();

const row = (fee: UnbilledRow['fee']): UnbilledRow => ({
  id: 'a1',
  start: '2026-12-03T09:00:00.000Z',
  end: '2026-12-03T10:00:00.000Z',
  durationMinutes: 60,
  serviceId: 'svc-1',
  serviceName: 'Sportsmassage',
  staffMemberIds: [],
  customers: [{ customerId: 'c1', name: 'Anna', email: 'anna@example.dk', timeZone: null }],
  price: { minor: 45_000, currency: 'DKK' },
  amount: fee?.amount ?? { minor: 45_000, currency: 'DKK' },
  fee,
  noShow: fee?.kind === 'no-show',
  priceType: 'fixedPrice',
  state: 'unbilled',
  reason: null,
  reasons: [],
  note: null,
  reviewReason: null,
  enteredPrice: null,
  currency: 'DKK',
});

describe('appointment rows on cards', () => {
  it('name a no-show billed as its fee beside the service, in the reader language, with the fee as the amount', () => {
    const fee = { kind: 'no-show' as const, amount: { minor: 22_500, currency: 'DKK' } };
    expect(cardRowOf(row(fee), 'en', NO_STAFF)).toMatchObject({ serviceName: 'No-show fee: Sportsmassage', price: fee.amount });
    expect(cardRowOf(row(fee), 'da', NO_STAFF).serviceName).toBe('Gebyr for udeblivelse: Sportsmassage');
    expect(cardRowOf(row(null), 'en', NO_STAFF).serviceName).toBe('Sportsmassage');
  });
});
