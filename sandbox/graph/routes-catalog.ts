import type { Router } from '../http/router';
import { itemNotFound } from './errors';
import { businessCollectionContext, businessEntityInCollectionContext } from './odata';
import { collectionBody, pageOf } from './paging';
import { param, requireBusiness, type RouteContext } from './route-context';
import type { BusinessState } from './state';

const BUSINESS = '/v1.0/solutions/bookingBusinesses/:businessId';

/** Services and staff members: read-only lists, paged like every other Bookings collection. */
export function addCatalogRoutes(router: Router, ctx: RouteContext): void {
  addReadOnly(router, ctx, 'services', 'bookingService', (b) => b.services);
  addReadOnly(router, ctx, 'staffMembers', 'bookingStaffMember', (b) => b.staffMembers);
}

function addReadOnly<T extends { id: string }>(
  router: Router,
  ctx: RouteContext,
  collection: string,
  typeName: string,
  items: (business: BusinessState) => T[],
): void {
  router.add('GET', `${BUSINESS}/${collection}`, (req) => {
    const business = requireBusiness(ctx, req);
    const page = pageOf(items(business), req.url, ctx.settings().pageSize);
    return { status: 200, body: collectionBody(businessCollectionContext(req.url.origin, business.business.id, collection), page) };
  });

  router.add('GET', `${BUSINESS}/${collection}/:itemId`, (req) => {
    const business = requireBusiness(ctx, req);
    const id = param(req, 'itemId');
    const item = items(business).find((i) => i.id === id);
    if (!item) throw itemNotFound(`The ${typeName} '${id}' was not found.`);
    return { status: 200, body: { '@odata.context': businessEntityInCollectionContext(req.url.origin, business.business.id, collection), ...item } };
  });
}
