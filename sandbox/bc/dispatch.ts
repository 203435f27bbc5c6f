import { Router, type RouteRequest, type RouteResponse } from '../http/router';
import type { ApiDeps } from './api';
import { BcError, badRequest, errorResponse } from './errors';
import { registerCompanyRoutes } from './routes/companies';
import { registerMasterDataRoutes } from './routes/master-data';
import { registerSalesInvoiceRoutes } from './routes/sales-invoices';
import { registerSetupTableRoutes, SETUP_TABLE_SETS } from './routes/setup-tables';

const KNOWN_SEGMENTS = new Set([
  'companies',
  'companyInformation',
  'customers',
  'items',
  'salesInvoices',
  'salesInvoiceLines',
  'Microsoft.NAV.post',
  'Microsoft.NAV.postAndSend',
  'Microsoft.NAV.send',
  'Microsoft.NAV.cancel',
  ...Object.keys(SETUP_TABLE_SETS),
]);

/** Runs one API operation (`path` relative to the api/v2.0 root) and turns every failure into BC's error body. */
export type ApiDispatcher = (req: RouteRequest, path: string) => Promise<RouteResponse>;

export function createApiDispatcher(deps: ApiDeps): ApiDispatcher {
  const router = new Router();
  registerCompanyRoutes(router, deps);
  registerMasterDataRoutes(router, deps);
  registerSalesInvoiceRoutes(router, deps);
  registerSetupTableRoutes(router, deps);

  return async (req, path) => {
    try {
      const match = router.match(req.method, path);
      if (match === 'not-found') throw unknownResource(path);
      if (match === 'method-not-allowed') {
        const last = path.split('/').pop()?.replace(/\(.*$/, '') ?? '';
        throw new BcError(
          405,
          'BadRequest_MethodNotAllowed',
          `'${req.method}' requests for '${last}' are not allowed within Dynamics 365 Business Central OData web services.`,
        );
      }
      return await match.handler({ ...req, params: match.params });
    } catch (error) {
      if (error instanceof BcError) return errorResponse(error, deps.state.newId('correlation'));
      if (error instanceof URIError)
        return errorResponse(badRequest('The request URI is not valid.', 'BadRequest_InvalidRequestUrl'), deps.state.newId('correlation'));
      throw error;
    }
  };
}

/**
 * An unknown entity set or navigation property. BC names the segment; the emulator answers 400 as
 * the API contract of this project expects (BC's category for it is BadRequest_*).
 */
function unknownResource(path: string): BcError {
  for (const segment of path.split('/').filter((s) => s !== '')) {
    const name = segment.replace(/\(.*$/, '');
    if (!KNOWN_SEGMENTS.has(name)) return badRequest(`Resource not found for the segment '${name}'.`, 'BadRequest_ResourceNotFound');
  }
  return badRequest('The request URI is not valid.', 'BadRequest_InvalidRequestUrl');
}
