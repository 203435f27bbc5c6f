import { linePriceFor, reasonsFor, type AppointmentFacts } from './eligibility';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const options = { now: NOW, addZeroLinesForFree: false };

const invoiceable: AppointmentFacts = {
  state: 'unbilled',
  startUtc: '2026-11-20T11:00:00.000Z',
  endUtc: '2026-11-20T12:00:00.000Z',
  noShow: false,
  cancelledSeenAt: null,
  serviceId: 'svc-1',
  reviewReason: null,
  customerCount: 1,
  linkedCustomer: false,
  customersWithoutEmail: 0,
  customersBlocked: 0,
  priceType: 'fixedPrice',
  priceMinor: 49500,
  currency: 'DKK',
  durationMinutes: 60,
  enteredPriceMinor: null,
  bcItemId: 'item-1',
  bcItemUnitPriceMinor: null,
  bcItemCurrency: null,
};
const facts = (overrides: Partial<AppointmentFacts>): AppointmentFacts => ({ ...invoiceable, ...overrides });

describe('reasonsFor', () => {
  it('finds nothing wrong with an ended, priced, linked appointment of a customer with an email', () => {
    expect(reasonsFor(invoiceable, options)).toEqual([]);
  });

  it.each([
    ['cancelled', { state: 'cancelled' }],
    ['invoiced', { state: 'invoiced' }],
    ['claimed', { state: 'claimed' }],
    ['excluded', { state: 'excluded' }],
    ['not-ended', { endUtc: '2026-11-20T12:00:00.001Z' }],
    ['review', { reviewReason: 'Cancelled in Bookings after invoicing' }],
    ['no-customer', { customerCount: 0 }],
    ['no-customer', { customerCount: 0, linkedCustomer: false }],
    ['customer-without-email', { customerCount: 2, customersWithoutEmail: 1 }],
    ['customer-blocked', { customerCount: 2, customersBlocked: 1 }],
    ['invalid-price', { priceMinor: null }],
    ['invalid-price', { priceMinor: -1 }],
    ['invalid-price', { priceType: 'hourly', durationMinutes: 0 }],
    ['invalid-price', { priceType: 'somethingNew' }],
    ['invalid-price', { priceType: 'callUs', enteredPriceMinor: -5 }],
    ['price-needed', { priceType: 'priceVaries' }],
    ['price-needed', { priceType: 'notSet', bcItemUnitPriceMinor: 0 }],
    ['free', { priceType: 'free' }],
    ['free', { priceMinor: 0 }],
    ['free', { priceType: 'hourly', priceMinor: 29, durationMinutes: 1 }],
    ['service-not-linked', { bcItemId: null }],
  ] as const)('reports %s for %j', (reason, overrides) => {
    expect(reasonsFor(facts(overrides), options)).toEqual([reason]);
  });

  it('counts an appointment without attendees that a person linked to a Business Central customer as having that one customer', () => {
    expect(reasonsFor(facts({ customerCount: 0, linkedCustomer: true }), options)).toEqual([]);
  });

  it('lists every reason in the documented order', () => {
    const all = facts({
      state: 'claimed',
      endUtc: '2026-12-01T00:00:00.000Z',
      reviewReason: 'x',
      customerCount: 0,
      customersBlocked: 1,
      priceType: 'free',
      bcItemId: null,
    });
    expect(reasonsFor(all, options)).toEqual(['claimed', 'not-ended', 'review', 'no-customer', 'customer-blocked', 'free', 'service-not-linked']);
  });

  it('invoices free appointments as zero lines when the setup asks for them', () => {
    expect(reasonsFor(facts({ priceType: 'free' }), { now: NOW, addZeroLinesForFree: true })).toEqual([]);
    expect(reasonsFor(facts({ priceMinor: 0 }), { now: NOW, addZeroLinesForFree: true })).toEqual([]);
  });

  it('takes a needed price from the linked item first, else from what a user entered', () => {
    const needed = facts({ priceType: 'priceVaries', priceMinor: null });
    expect(reasonsFor({ ...needed, bcItemUnitPriceMinor: 30000 }, options)).toEqual([]);
    expect(reasonsFor({ ...needed, enteredPriceMinor: 25000 }, options)).toEqual([]);
    expect(linePriceFor({ ...needed, bcItemUnitPriceMinor: 30000, bcItemCurrency: 'EUR', enteredPriceMinor: 25000 })).toEqual({
      unitPrice: { minor: 30000, currency: 'EUR' },
      amount: { minor: 30000, currency: 'EUR' },
    });
    expect(linePriceFor({ ...needed, enteredPriceMinor: 25000 })?.amount).toEqual({ minor: 25000, currency: 'DKK' });
  });
});

describe('linePriceFor', () => {
  it('prices hourly appointments by the minute, rounded half up', () => {
    expect(linePriceFor(facts({ priceType: 'hourly', priceMinor: 78000, durationMinutes: 50 }))?.amount.minor).toBe(65000);
    expect(linePriceFor(facts({ priceType: 'hourly', priceMinor: 30, durationMinutes: 1 }))?.amount.minor).toBe(1);
  });

  it('shows free appointments at zero and unknown prices as null', () => {
    expect(linePriceFor(facts({ priceType: 'free', priceMinor: null }))?.amount).toEqual({ minor: 0, currency: 'DKK' });
    expect(linePriceFor(facts({ priceType: 'callUs', priceMinor: null }))).toBeNull();
    expect(linePriceFor(facts({ priceMinor: -1 }))).toBeNull();
  });
});
