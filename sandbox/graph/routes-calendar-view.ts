import { z } from 'zod';
import type { Router } from '../http/router';
import { badRequest } from './errors';
import { businessCollectionContext } from './odata';
import { requireBusiness, type RouteContext } from './route-context';
import { listBody } from './routes-appointments';

const isoInstant = z.iso.datetime({ offset: true, local: true });

export function addCalendarViewRoutes(router: Router, ctx: RouteContext): void {
  router.add('GET', '/v1.0/solutions/bookingBusinesses/:businessId/calendarView', (req) => {
    const business = requireBusiness(ctx, req);
    const start = queryInstant(req.url, 'start');
    const end = queryInstant(req.url, 'end');
    if (end < start) throw badRequest("The parameter 'end' must not be before 'start'.");
    // Overlap with the half-open window [start, end).
    const inView = business.appointmentsOverlapping(start, end);
    const context = businessCollectionContext(req.url.origin, business.business.id, 'calendarView');
    return { status: 200, body: listBody(ctx, context, inView, req.url) };
  });
}

function queryInstant(url: URL, name: 'start' | 'end'): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') throw badRequest(`The parameter '${name}' is required: calendarView needs start and end (ISO 8601).`);
  if (!isoInstant.safeParse(raw).success) throw badRequest(`The parameter '${name}' is not an ISO 8601 date and time: '${raw}'.`);
  // Without an offset the value is read as UTC.
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/i.test(raw) ? raw : `${raw}Z`);
}
