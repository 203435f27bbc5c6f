import type http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock, type Clock } from '../../service/domain/clock';
import { ScheduledFaults } from '../http/fault-schedule';
import { listen } from '../http/listen';
import { createIdSource } from '../seed/id-source';
import { hashKey, mulberry32 } from '../seed/prng';
import { BodyTooLargeError, readBody, send, type RouteRequest, type RouteResponse } from '../http/router';
import type { ApiDeps } from './api';
import { handleBatch } from './batch';
import { handleControl } from './control';
import { createApiDispatcher } from './dispatch';
import { BcError, errorResponse } from './errors';
import { pickFault } from './faults';
import { handlePayments } from './payments';
import { invoicePage } from './html-page';
import { loseAnswer } from './lost-answer';
import { ConcurrencyGate, RateWindow } from './limits';
import { applySettingsPatch, resolveSettings, type BcEmulatorSettings, type BcEmulatorSettingsPatch } from './settings';
import { BcState } from './state';
import { emptyStats, type BcEmulatorStats } from './stats';
import type { BcSeed } from './types';

export interface BcEmulatorDeps {
  /** The clock of invoice dates, lastModifiedDateTime and the request-rate window; default: the real time. */
  now?: Clock;
  /** Keys the fault draws and the ids the emulator creates; default 1, so every run is reproducible. */
  seed?: number;
  /** Drives fault injection; default: a generator seeded with `seed`. */
  random?: () => number;
  /** How the emulator waits out latencyMs and serviceTimeMs; a test may hold requests open with its own. */
  sleep?: (ms: number) => Promise<unknown>;
  /** Milliseconds on a monotonic clock, against which service times are paced; default performance.now. */
  monotonic?: () => number;
}

export interface BcListening {
  /** `http://host:port/v2.0/{tenant}/{environment}/api/v2.0` */
  apiBaseUrl: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface BcEmulator {
  handler: http.RequestListener;
  readonly settings: BcEmulatorSettings;
  update(patch: BcEmulatorSettingsPatch): BcEmulatorSettings;
  stats(): BcEmulatorStats;
  readonly state: BcState;
  listen(host?: string, port?: number): Promise<BcListening>;
}

const INVOICE_PAGE = /^\/sandbox\/companies\/([^/]+)\/salesInvoices\/([^/]+)$/;

/** A Business Central API v2.0 emulator over a seed: OData routes, `$batch`, limits, faults and control endpoints. */
export function createBcEmulator(seed: BcSeed, settingsInput?: Partial<BcEmulatorSettings>, deps: BcEmulatorDeps = {}): BcEmulator {
  let settings = resolveSettings(settingsInput);
  const runSeed = deps.seed ?? 1;
  const random = deps.random ?? mulberry32(hashKey(runSeed, 'bc', 'faults'));
  const wait = deps.sleep ?? sleep;
  const monotonic = deps.monotonic ?? (() => performance.now());
  const now = deps.now ?? systemClock;
  const scheduledFaults = new ScheduledFaults();
  const state = new BcState(seed, createIdSource(`bc|${runSeed}`));
  const stats = emptyStats();
  const basePath = `/v2.0/${encodeURIComponent(seed.tenant)}/${encodeURIComponent(seed.environment)}/api/v2.0`;
  const api: ApiDeps = { state, settings: () => settings, now, basePath };
  const correlationId = () => state.newId('correlation');
  const update = (patch: BcEmulatorSettingsPatch): BcEmulatorSettings => {
    settings = applySettingsPatch(settings, patch);
    if (patch.faultSchedule !== undefined) scheduledFaults.restart();
    return settings;
  };
  const dispatch = createApiDispatcher(api);
  const gate = new ConcurrencyGate(() => settings, stats);
  const rate = new RateWindow(() => settings.rateLimit);

  const tooManyRequests = (message: string): RouteResponse => {
    stats.throttled += 1;
    // Deliberately without Retry-After: BC does not always send one.
    return errorResponse(new BcError(429, 'Application_TooManyRequests', message), correlationId());
  };

  async function processApi(req: RouteRequest, relative: string): Promise<RouteResponse | 'reset'> {
    stats.requests += 1;
    if (settings.latencyMs > 0) await wait(settings.latencyMs);
    if (!rate.tryAdmit(now().getTime())) {
      stats.rateLimited += 1;
      return tooManyRequests(
        `The request rate limit was exceeded: at most ${settings.rateLimit.maxRequests} requests per ${settings.rateLimit.windowMs / 1000} seconds.`,
      );
    }
    const slot = gate.acquire();
    if (!slot) {
      stats.queueRejected += 1;
      return tooManyRequests('The request was rejected because too many requests are being processed or waiting.');
    }
    const release = await slot;
    try {
      // Faults strike before the operation runs, so they never leave a change behind.
      const fault = pickFault(settings, scheduledFaults, random);
      if (fault) {
        stats.faults += 1;
        if (fault === 'reset') return 'reset';
        return fault === '500'
          ? errorResponse(new BcError(500, 'Internal_ServerError', 'An unexpected error occurred (injected by the emulator).'), correlationId())
          : errorResponse(new BcError(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected by the emulator).'), correlationId());
      }
      // Paced against a deadline from the moment the slot was taken: the emulator's own work on an
      // operation (and a timer firing late, as a 5 ms one does by about 1 ms) counts within its
      // service time, not on top of it, so a batch of 50 holds its slot for 250 ms as stated.
      let due = monotonic();
      const serviceTime = async (): Promise<void> => {
        if (settings.serviceTimeMs <= 0) return;
        due += settings.serviceTimeMs;
        const left = due - monotonic();
        if (left > 0) await wait(left);
      };
      let done: RouteResponse;
      if (relative === '/$batch' && req.method === 'POST') done = await handleBatch(api, dispatch, req, serviceTime);
      else {
        await serviceTime();
        done = await dispatch(req, relative === '' ? '/' : relative);
      }
      return loseAnswer(settings.lostAnswer, req.method, relative, random, correlationId) ?? done;
    } finally {
      release();
    }
  }

  async function handle(raw: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(raw.url ?? '/', `http://${raw.headers.host ?? '127.0.0.1'}`);
    const method = (raw.method ?? 'GET').toUpperCase();
    const page = INVOICE_PAGE.exec(url.pathname);
    if (page && method === 'GET') {
      send(res, invoicePage(state, decodeURIComponent(page[1]!), decodeURIComponent(page[2]!)));
      return;
    }
    if (raw.headers.authorization !== `Bearer ${settings.token}`) {
      send(res, {
        ...errorResponse(new BcError(401, 'Authentication_InvalidCredentials', 'The server has rejected the client credentials.'), correlationId()),
        headers: { 'www-authenticate': 'Bearer realm="", error="invalid_token"' },
      });
      return;
    }
    let body: string;
    try {
      body = await readBody(raw);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        send(res, errorResponse(new BcError(413, 'BadRequest_RequestEntityTooLarge', 'The request body is too large.'), correlationId()));
        return;
      }
      throw error;
    }
    const req: RouteRequest = { method, url, params: {}, headers: raw.headers, body, raw };
    if (url.pathname.startsWith('/_emulator/')) {
      const out =
        handlePayments(state, now, req, correlationId) ?? handleControl({ settings: () => settings, update, stats: () => ({ ...stats }), correlationId }, req);
      send(res, out ?? { status: 404, body: { error: { code: 'NotFound', message: 'No such emulator endpoint.' } } });
      return;
    }
    if (!(url.pathname === basePath || url.pathname.startsWith(`${basePath}/`))) {
      send(res, errorResponse(new BcError(404, 'BadRequest_NotFound', `No tenant, environment or API matches '${url.pathname}'.`), correlationId()));
      return;
    }
    const out = await processApi(req, url.pathname.slice(basePath.length));
    if (out === 'reset') {
      raw.socket.destroy();
      return;
    }
    send(res, out);
  }

  const handler: http.RequestListener = (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      send(res, errorResponse(new BcError(500, 'Internal_ServerError', `Emulator failure: ${message}`), correlationId()));
    });
  };

  return {
    handler,
    get settings() {
      return settings;
    },
    update,
    stats: () => ({ ...stats }),
    state,
    async listen(host = '127.0.0.1', port = 0) {
      const listening = await listen(handler, host, port);
      const origin = `http://${host.includes(':') ? `[${host}]` : host}:${listening.port}`;
      return { apiBaseUrl: `${origin}${basePath}`, origin, port: listening.port, close: () => listening.close() };
    },
  };
}
