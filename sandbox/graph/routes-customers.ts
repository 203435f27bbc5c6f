import type { Router } from '../http/router';
import { parseBody } from './body';
import { itemNotFound } from './errors';
import { newCustomerId } from './ids';
import { businessCollectionContext, businessEntityInCollectionContext } from './odata';
import { collectionBody, pageOf } from './paging';
import { param, requireBusiness, type RouteContext } from './route-context';
import { customerCreateSchema } from './schemas';
import type { BookingCustomer } from './types';

const CUSTOMERS = '/v1.0/solutions/bookingBusinesses/:businessId/customers';

export function addCustomerRoutes(router: Router, ctx: RouteContext): void {
  router.add('GET', CUSTOMERS, (req) => {
    const business = requireBusiness(ctx, req);
    const page = pageOf(business.customerList(), req.url, ctx.settings().pageSize);
    return { status: 200, body: collectionBody(businessCollectionContext(req.url.origin, business.business.id, 'customers'), page) };
  });

  router.add('GET', `${CUSTOMERS}/:customerId`, (req) => {
    const business = requireBusiness(ctx, req);
    const id = param(req, 'customerId');
    const customer = business.customer(id);
    if (!customer) throw itemNotFound(`The bookingCustomer '${id}' was not found.`);
    return { status: 200, body: { '@odata.context': businessEntityInCollectionContext(req.url.origin, business.business.id, 'customers'), ...customer } };
  });

  router.add('POST', CUSTOMERS, (req) => {
    const business = requireBusiness(ctx, req);
    const body = parseBody(req.body, customerCreateSchema);
    const stamp = ctx.now().toISOString();
    const customer: BookingCustomer = { id: newCustomerId(ctx.ids), ...body, createdDateTime: stamp, lastUpdatedDateTime: stamp };
    business.putCustomer(customer);
    return {
      status: 201,
      headers: { Location: `${req.url.origin}${req.url.pathname}/${encodeURIComponent(customer.id)}` },
      body: { '@odata.context': businessEntityInCollectionContext(req.url.origin, business.business.id, 'customers'), ...customer },
    };
  });
}
