export type BookingsBusinessProblem = 'not-found' | 'no-currency';

/** The setup's Bookings business cannot be synced: it is gone, or it has no currency to price in. */
export class BookingsBusinessError extends Error {
  constructor(
    readonly reason: BookingsBusinessProblem,
    readonly businessId: string,
  ) {
    super(
      reason === 'not-found'
        ? `The Bookings business ${businessId} was not found: check the setup`
        : `The Bookings business ${businessId} has no valid default currency`,
    );
    this.name = 'BookingsBusinessError';
  }
}
