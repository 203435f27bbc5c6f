import type { Role } from '../../contract/api-contract';
import type { BodyOut, CSV_FILE, Endpoint, PathParams, QueryOut, ResponseIn } from '../../contract/endpoints';
import type { AppServices } from '../../service/app/app-services';
import type { Identity } from './auth/identity';
import type { RunGate } from './run-gate';

/** What every handler gets: the use cases, the caller, and its validated input. */
export interface RouteContext<E extends Endpoint> {
  services: AppServices;
  identity: Identity;
  /** Path parameters (`:id`), non-empty. */
  params: PathParams<E['path']>;
  body: BodyOut<E>;
  query: QueryOut<E>;
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

/** A JSON answer: the endpoint's response, as the server sends it (its schema's input). */
export interface JsonAnswer<Body> {
  status: number;
  body: Body;
  download?: undefined;
}

export interface DownloadAnswer {
  status: number;
  body?: undefined;
  download: Download;
}

export type RouteResult = JsonAnswer<unknown> | DownloadAnswer;

/** What a handler of the endpoint answers: a file for an export, else the endpoint's response. */
export type AnswerOf<E extends Endpoint> = E['response'] extends typeof CSV_FILE ? DownloadAnswer : JsonAnswer<ResponseIn<E>>;

/** One endpoint of the contract's table (its method, path and strict input schemas), the role it needs, and its handler. */
export interface Route {
  endpoint: Endpoint;
  role: Role;
  handle(ctx: RouteContext<Endpoint>): Promise<RouteResult>;
}

/** A handler for an endpoint of the table: its params, body, query and answer typed by the endpoint; register-api validates the input before the call. */
export function defineRoute<E extends Endpoint>(endpoint: E, spec: { role: Role; handle: (ctx: RouteContext<E>) => Promise<AnswerOf<E>> }): Route {
  return { endpoint, role: spec.role, handle: spec.handle };
}

export const ok = <Body>(body: Body): JsonAnswer<Body> => ({ status: 200, body });
export const accepted = <Body>(body: Body): JsonAnswer<Body> => ({ status: 202, body });
export const download = (file: Download): DownloadAnswer => ({ status: 200, download: file });
