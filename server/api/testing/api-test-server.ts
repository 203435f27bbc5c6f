import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type restify from 'restify';
import { dailyCardPreview } from '../../../bot';
import { createAppServices, type AppServices } from '../../../service/app/app-services';
import { clockFrom } from '../../../service/domain/clock';
import { DEFAULT_TEST_NOW } from '../../../service/testing/test-dates';
import { StaticTokenProvider } from '../../../service/clients/auth/static-token-provider';
import type { Config } from '../../../service/config/config';
import { silentLogger } from '../../../service/logging/logger';
import { openStore, type AppStore } from '../../../service/store';
import { startSyncHarness, type SyncHarness } from '../../../service/sync/testing/sync-harness';
import { createHttpServer, listen, type HttpLimits } from '../../http-server';
import type { Timeouts } from '../../http/request-deadline';
import { apiErrorSchema, type ApiErrorBody } from '../../../contract/api-contract';
import type { Authenticator } from '../auth/identity';
import type { ApiDeps } from '../register-api';

export interface ApiTestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  services: AppServices;
  harness: SyncHarness;
  store: AppStore;
  /** The restify server, for the routes it registered. */
  server: restify.Server;
  /** fetch against the server: a JSON body is sent as such; the answer's raw text and parsed JSON. */
  call(method: string, urlPath: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

export interface CallOptions {
  json?: unknown;
  /** Sent as is, with Content-Type: application/json unless headers say otherwise. */
  raw?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: unknown;
}

export interface ApiTestServerOptions {
  mode?: 'sandbox' | 'live';
  authenticator?: Authenticator;
  maxConcurrentRuns?: number;
  tabDir?: string;
  /** When the server's day starts (the seed and the app's clock, which then advances); default DEFAULT_TEST_NOW. */
  now?: Date;
  /** ENTRA_AUTHORITY_HOST: a local stand-in for Entra's keys. */
  entraAuthorityHost?: string;
  bootstrapAdminOid?: string;
  /** AAD_CLIENT_ID, AAD_TENANT_ID, ALLOWED_TENANT_IDS, TAB_ENDPOINT for the default authenticator. */
  env?: Record<string, string>;
  /** The time tokens are checked at, and the rate limiters' clock. */
  clock?: () => Date;
  limits?: HttpLimits;
  timeouts?: Timeouts;
  /** Reverse proxies in front whose X-Forwarded-For entries name the client; default 0. */
  trustedProxyHops?: number;
  /** Another database than a SQLite file in a temp directory: PostgreSQL, for the suites that run on each store. */
  store?: { config: Config['store']; schema?: string };
}

/**
 * The real HTTP server (createHttpServer with the API) over real AppServices: both emulators on port
 * 0, seeded with the small sandbox clinic, and a SQLite store in a temp directory.
 */
export async function startApiTestServer(options: ApiTestServerOptions = {}): Promise<ApiTestServer> {
  const now = options.now ?? DEFAULT_TEST_NOW;
  const harness = await startSyncHarness({ now });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-test-'));
  const config: Config = {
    appEnv: 'test',
    port: 0,
    mode: options.mode ?? 'sandbox',
    store: options.store?.config ?? { kind: 'sqlite', file: path.join(dir, 'api.db') },
    graph: { baseUrl: harness.graphBaseUrl, businessId: harness.businessId },
    bc: { apiBaseUrl: harness.bcApiBaseUrl, companyId: harness.companyId },
    auth: { mode: 'static', token: harness.token },
    logLevel: 'silent',
    clockStart: undefined,
    security: {
      entraAuthorityHost: options.entraAuthorityHost ?? 'https://login.microsoftonline.com',
      botOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      bootstrapAdminOid: options.bootstrapAdminOid,
    },
    host: undefined,
    trustedProxyHops: options.trustedProxyHops ?? 0,
  };
  const store = await openStore(config.store, options.store?.schema === undefined ? {} : { schema: options.store.schema });
  const clients = { tokenProvider: new StaticTokenProvider(harness.token), bookings: harness.bookings, businessCentral: harness.bcClient };
  const services = createAppServices({
    config,
    logger: silentLogger,
    store,
    clients,
    clock: clockFrom(now),
    renderDailyCard: dailyCardPreview(0, options.env ?? {}),
  });
  const api: ApiDeps = {
    services,
    ...(options.authenticator ? { authenticator: options.authenticator } : {}),
    ...(options.maxConcurrentRuns !== undefined ? { maxConcurrentRuns: options.maxConcurrentRuns } : {}),
    tabDir: options.tabDir ?? path.join(dir, 'no-tab-build'),
    ...(options.env ? { env: options.env } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const server: restify.Server = createHttpServer({
    logger: silentLogger,
    health: { mode: config.mode, store: config.store.kind, ping: async () => undefined },
    api,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    trustedProxyHops: config.trustedProxyHops,
  });
  const port = await listen(server, 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;

  const call = async (method: string, urlPath: string, callOptions: CallOptions = {}): Promise<CallResult> => {
    const body = callOptions.raw ?? (callOptions.json === undefined ? undefined : JSON.stringify(callOptions.json));
    const res = await fetch(`${origin}${urlPath}`, {
      method,
      // As the tab does: every change is sent as JSON, an empty one too.
      headers: {
        ...(body === undefined && !['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? {} : { 'content-type': 'application/json' }),
        ...callOptions.headers,
      },
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  };

  return {
    origin,
    services,
    harness,
    store,
    server,
    call,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.invoices.idle();
      await services.sync.stop();
      await store.close();
      await harness.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The error of an answer, checked against the contract. */
export function errorOf(result: CallResult): ApiErrorBody['error'] {
  return apiErrorSchema.parse(result.body).error;
}
