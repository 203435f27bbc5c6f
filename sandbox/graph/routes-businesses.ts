import type { Router } from '../http/router';
import { businessEntityContext, businessesContext } from './odata';
import { requireBusiness, type RouteContext } from './route-context';

const BUSINESSES = '/v1.0/solutions/bookingBusinesses';

export function addBusinessRoutes(router: Router, ctx: RouteContext): void {
  // Graph lists id and displayName only, unpaged.
  router.add('GET', BUSINESSES, (req) => ({
    status: 200,
    body: {
      '@odata.context': businessesContext(req.url.origin),
      value: ctx.store.businesses().map((b) => ({ id: b.id, displayName: b.displayName })),
    },
  }));

  router.add('GET', `${BUSINESSES}/:businessId`, (req) => ({
    status: 200,
    body: { '@odata.context': businessEntityContext(req.url.origin), ...requireBusiness(ctx, req).business },
  }));
}
