import type { RouteRequest } from '../http/router';
import { notFound } from './errors';
import type { BcEmulatorSettings } from './settings';
import type { BcState, CompanyState } from './state';
import { requireGuid } from './write-body';

/** What the API routes share: the data, the live settings, the clock and where the API root lives. */
export interface ApiDeps {
  state: BcState;
  settings: () => BcEmulatorSettings;
  now: () => Date;
  /** `/v2.0/{tenant}/{environment}/api/v2.0` */
  basePath: string;
}

/** The absolute api/v2.0 root as the client addressed it (for nextLink and @odata.context). */
export function apiRoot(deps: ApiDeps, req: RouteRequest): string {
  return `${req.url.origin}${deps.basePath}`;
}

export function companyOf(deps: ApiDeps, req: RouteRequest): CompanyState {
  const company = deps.state.company(requireGuid(req.params.companyId ?? '', 'company'));
  if (!company) throw notFound();
  return company;
}

export function keyOf(req: RouteRequest, name: string): string {
  return requireGuid(req.params[name] ?? '', name);
}
