import type { RouteRequest, Router } from '../http/router';
import { applyPatch, createAppointment } from './appointment-writes';
import { parseBody } from './body';
import { hidesCustomers } from './empty-customers';
import { itemNotFound } from './errors';
import { businessCollectionContext, businessEntityInCollectionContext } from './odata';
import { collectionBody, pageOf } from './paging';
import { param, requireBusiness, type RouteContext } from './route-context';
import { appointmentCreateSchema, appointmentPatchSchema, cancelSchema } from './schemas';
import type { BusinessState } from './state';
import type { BookingAppointment } from './types';

const APPOINTMENTS = '/v1.0/solutions/bookingBusinesses/:businessId/appointments';

export function addAppointmentRoutes(router: Router, ctx: RouteContext): void {
  router.add('GET', APPOINTMENTS, (req) => {
    const business = requireBusiness(ctx, req);
    const context = businessCollectionContext(req.url.origin, business.business.id, 'appointments');
    return { status: 200, body: listBody(ctx, context, business.appointmentList(), req.url) };
  });

  router.add('GET', `${APPOINTMENTS}/:appointmentId`, (req) => {
    const business = requireBusiness(ctx, req);
    return { status: 200, body: entityBody(req, business, requireAppointment(business, req)) };
  });

  router.add('POST', APPOINTMENTS, (req) => {
    const business = requireBusiness(ctx, req);
    const created = createAppointment(business, parseBody(req.body, appointmentCreateSchema), ctx.now(), ctx.ids);
    business.putAppointment(created);
    return {
      status: 201,
      headers: { Location: `${req.url.origin}${req.url.pathname}/${encodeURIComponent(created.id)}` },
      body: entityBody(req, business, created),
    };
  });

  // Graph documents 204 No Content for an update.
  router.add('PATCH', `${APPOINTMENTS}/:appointmentId`, (req) => {
    const business = requireBusiness(ctx, req);
    const current = requireAppointment(business, req);
    business.putAppointment(applyPatch(business, current, parseBody(req.body, appointmentPatchSchema), ctx.now()));
    return { status: 204 };
  });

  router.add('POST', `${APPOINTMENTS}/:appointmentId/cancel`, (req) => {
    const business = requireBusiness(ctx, req);
    const current = requireAppointment(business, req);
    parseBody(req.body, cancelSchema);
    business.removeAppointment(current.id);
    return { status: 204 };
  });
}

/** A page of appointments as list endpoints return them, with the empty-customers quirk applied. */
export function listBody(ctx: RouteContext, context: string, appointments: BookingAppointment[], url: URL): Record<string, unknown> {
  const { pageSize, emptyCustomersRate } = ctx.settings();
  const page = pageOf(appointments, url, pageSize);
  const value = page.value.map((a) => (hidesCustomers(a.id, emptyCustomersRate) ? { ...a, customers: [] } : a));
  return collectionBody(context, { ...page, value });
}

function requireAppointment(business: BusinessState, req: RouteRequest): BookingAppointment {
  const id = param(req, 'appointmentId');
  const appointment = business.appointment(id);
  if (!appointment) throw itemNotFound(`The bookingAppointment '${id}' was not found.`);
  return appointment;
}

function entityBody(req: RouteRequest, business: BusinessState, appointment: BookingAppointment): Record<string, unknown> {
  return { '@odata.context': businessEntityInCollectionContext(req.url.origin, business.business.id, 'appointments'), ...appointment };
}
