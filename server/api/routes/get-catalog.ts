import { describeFailure } from '../../../service/connections';
import type { CatalogResponse } from '../../../contract/api-contract';
import { API } from '../../../contract/endpoints';
import { ApiError } from '../api-error';
import { defineRoute, ok } from '../route';

/** The services and staff members of the setup's Bookings business, so the tab can name ids and fill its filters. */
export const getCatalog = defineRoute(API.catalog, {
  role: 'reader',
  async handle({ services }) {
    try {
      const response: CatalogResponse = await services.catalog.get();
      return ok(response);
    } catch (err) {
      services.logger.warn({ err }, 'reading the Bookings catalog failed');
      throw new ApiError('internal', describeFailure('bookings', err));
    }
  },
});
