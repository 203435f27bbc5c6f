import { describeFailure } from '../../../service/connections';
import type { BookingsBusinessesResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

/** The Bookings businesses the app may read, for the setup's picker. */
export const listBookingsBusinesses = defineRoute(API.businesses, {
  role: 'admin',
  async handle({ services }) {
    try {
      const { businesses } = await services.bookingsBusinesses();
      const response: BookingsBusinessesResponse = { businesses: businesses.map((b) => ({ id: b.id, displayName: b.displayName ?? null })) };
      return ok(response);
    } catch (err) {
      services.logger.warn({ err }, 'listing Bookings businesses failed');
      throw new ApiError('internal', describeFailure('bookings', err));
    }
  },
});
