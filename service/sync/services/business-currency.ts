import { minorDigits } from '../../domain/money';
import { BookingsBusinessError } from '../appointments/bookings-business-error';
import type { SyncContext } from '../sync-context';

/** The Bookings business's currency: every service price is in it. */
export async function businessCurrency(ctx: Pick<SyncContext, 'bookings' | 'setup'>): Promise<string> {
  const business = await ctx.bookings.getBusiness(ctx.setup.businessId);
  if (business === null) throw new BookingsBusinessError('not-found', ctx.setup.businessId);
  const currency = business.defaultCurrencyIso?.toUpperCase() ?? null;
  if (currency === null || !isCurrency(currency)) throw new BookingsBusinessError('no-currency', ctx.setup.businessId);
  return currency;
}

function isCurrency(code: string): boolean {
  try {
    minorDigits(code);
    return true;
  } catch {
    return false;
  }
}
