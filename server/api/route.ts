import type { z } from 'zod';
import type { AppServices } from '../../service/app/app-services';
import type { Role } from '../../contract/api-contract';
import type { Identity } from './auth/identity';
import type { RunGate } from './run-gate';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** What every handler gets: the use cases, the caller, and its validated input. */
export interface RouteContext<Body, Query> {
  services: AppServices;
  identity: Identity;
  /** Path parameters (`:id`), non-empty. */
  params: Readonly<Record<string, string>>;
  body: Body;
  query: Query;
  /** Admission of invoice runs started here. */
  runs: RunGate;
}

/** A file the route streams as an attachment instead of a JSON body. */
export interface Download {
  fileName: string;
  contentType: string;
  /** Pulled one at a time as the client takes them; the first is read before the headers go out, so an early failure is still a JSON error. */
  chunks: AsyncIterable<string>;
}

export interface RouteResult {
  status: number;
  body: unknown;
  download?: Download;
}

/** One endpoint: its method and path, the role it needs, strict schemas for its input, and its handler. */
export interface Route {
  method: Method;
  path: string;
  role: Role;
  /** For POST/PUT/PATCH: a strict schema; an absent body is checked as {}. */
  body?: z.ZodType;
  query?: z.ZodType;
  handle(ctx: RouteContext<unknown, unknown>): Promise<RouteResult>;
}

interface RouteSpec<B extends z.ZodType, Q extends z.ZodType> {
  method: Method;
  path: string;
  role: Role;
  body?: B;
  query?: Q;
  handle(ctx: RouteContext<z.output<B>, z.output<Q>>): Promise<RouteResult>;
}

/** Types a handler's body and query by its schemas; register-api validates them before the call. */
export function defineRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(spec: RouteSpec<B, Q>): Route {
  return spec as unknown as Route;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const accepted = (body: unknown): RouteResult => ({ status: 202, body });
export const download = (file: Download): RouteResult => ({ status: 200, body: undefined, download: file });
