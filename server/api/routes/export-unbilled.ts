import { API } from '../../../contract/endpoints';
import { unbilledRequestSchema } from '../../../service/unbilled';
import { ApiError } from '../api-error';
import { unbilledCsv } from '../exports/csv-exports';
import { defineRoute, download } from '../route';

/** The Unbilled list as the tab filters and sorts it, every page of it. */
export const exportUnbilled = defineRoute(API.exportUnbilled, {
  role: 'reader',
  async handle({ services, query }) {
    const { lang, ...filter } = query;
    // Checked whole (from ≤ to) by the service's schema, as GET /api/unbilled does.
    const request = unbilledRequestSchema.safeParse({ ...filter, businessId: services.businessId });
    if (!request.success) throw ApiError.invalid('invalid_query', request.error.issues);
    const { offset: _offset, limit: _limit, businessId: _businessId, ...whole } = request.data;
    const setup = await services.currentSetup();
    // Staff names come from Bookings: when it cannot be reached the export still goes, without them.
    const staffNames = await services.catalog.staffNames().catch((err: unknown) => {
      services.logger.warn({ err }, 'staff names unavailable for the unbilled export');
      return new Map<string, string>();
    });
    const rows = services.unbilled.all(whole);
    return download(unbilledCsv(rows, staffNames, { lang, timeZone: setup.dailySummary.timeZone, now: services.clock() }));
  },
});
