import type { RouteRequest } from '../http/router';
import type { IdSource } from '../seed/id-source';
import { GraphError } from './errors';
import type { GraphEmulatorSettings } from './settings';
import type { BookingsStore, BusinessState } from './state';

/** What every Graph route reads: the records, the current settings, the clock and where new ids come from. */
export interface RouteContext {
  store: BookingsStore;
  settings(): GraphEmulatorSettings;
  now(): Date;
  ids: IdSource;
}

export function requireBusiness(ctx: RouteContext, req: RouteRequest): BusinessState {
  const id = req.params.businessId ?? '';
  const business = ctx.store.business(id);
  if (!business) throw new GraphError(404, 'ErrorItemNotFound', `The bookingBusiness '${id}' was not found.`);
  return business;
}

export function param(req: RouteRequest, name: string): string {
  const value = req.params[name];
  if (value === undefined) throw new Error(`route has no parameter ${name}`);
  return value;
}
