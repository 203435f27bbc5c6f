import type { UnbilledRow } from '../../service/unbilled';
import { toCardRow } from './appointment-rows';

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
    expect(toCardRow(row(fee), 'en')).toMatchObject({ serviceName: 'No-show fee: Sportsmassage', price: fee.amount });
    expect(toCardRow(row(fee), 'da').serviceName).toBe('Gebyr for udeblivelse: Sportsmassage');
    expect(toCardRow(row(null), 'en').serviceName).toBe('Sportsmassage');
  });
});
