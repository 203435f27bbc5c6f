import type { BookingsClient } from '../clients/graph/bookings-client';
import type { BookingBusiness } from '../clients/graph/schemas/booking-business';
import type { Setup } from '../setup/setup-schema';
import { businessCurrency } from './business-currency';
import { BookingsBusinessError } from './appointments/bookings-business-error';

/** A run's context whose Bookings answers `answers` in turn, counting the reads. */
function context(answers: Array<BookingBusiness | null | Error>) {
  const reads = { count: 0 };
  const bookings = {
    getBusiness: async () => {
      const answer = answers[Math.min(reads.count++, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as BookingsClient;
  return { ctx: { bookings, setup: { businessId: 'fysio@example.com' } as Setup }, reads };
}

const business = (defaultCurrencyIso: string | null) => ({ id: 'fysio@example.com', displayName: 'Fysio', defaultCurrencyIso }) as BookingBusiness;

describe('businessCurrency', () => {
  it('reads the business once per run: every phase of the run gets that answer', async () => {
    const { ctx, reads } = context([business('dkk'), business('eur')]);
    await expect(Promise.all([businessCurrency(ctx), businessCurrency(ctx)])).resolves.toEqual(['DKK', 'DKK']);
    await expect(businessCurrency(ctx)).resolves.toBe('DKK');
    expect(reads.count).toBe(1);
    const { ctx: nextRun } = context([business('eur')]);
    await expect(businessCurrency(nextRun)).resolves.toBe('EUR');
  });

  it('asks again after a failed read, so a retried phase is not failed by the first attempt', async () => {
    const { ctx, reads } = context([new Error('socket hang up'), business('DKK')]);
    await expect(businessCurrency(ctx)).rejects.toThrow('socket hang up');
    await expect(businessCurrency(ctx)).resolves.toBe('DKK');
    expect(reads.count).toBe(2);
  });

  it('says in words when the business is gone or has no usable currency', async () => {
    await expect(businessCurrency(context([null]).ctx)).rejects.toBeInstanceOf(BookingsBusinessError);
    await expect(businessCurrency(context([business(null)]).ctx)).rejects.toMatchObject({ reason: 'no-currency' });
    await expect(businessCurrency(context([business('XYZ1')]).ctx)).rejects.toMatchObject({ reason: 'no-currency' });
  });
});
