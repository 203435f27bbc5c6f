import { minorDigits } from '../domain/money';
import { BookingsBusinessError } from './appointments/bookings-business-error';
import type { SyncContext } from './sync-context';

type CurrencyContext = Pick<SyncContext, 'bookings' | 'setup'>;

/** Per run (the runner hands every phase the same context): the services phase reads it, the appointment phase reuses it. */
const read = new WeakMap<CurrencyContext, Promise<string>>();

/**
 * The Bookings business's currency: every service price and appointment price of the run is in it. Read
 * once per run; a failed read is not kept, so a retried phase asks again.
 */
export function businessCurrency(ctx: CurrencyContext): Promise<string> {
  let currency = read.get(ctx);
  if (currency === undefined) {
    currency = readCurrency(ctx);
    read.set(ctx, currency);
    currency.catch(() => read.delete(ctx));
  }
  return currency;
}

async function readCurrency(ctx: CurrencyContext): Promise<string> {
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
