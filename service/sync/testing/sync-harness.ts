import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createBcEmulator, type BcEmulator, type BcEmulatorSettings } from '../../../sandbox/bc';
import { createGraphEmulator, type GraphEmulator, type GraphEmulatorSettings } from '../../../sandbox/graph';
import { mulberry32 } from '../../../sandbox/seed/prng';
import { generateSandboxData, SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID, type SandboxData, type SeedScale } from '../../../sandbox/seed';
import { StaticTokenProvider } from '../../clients/auth/static-token-provider';
import { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { BookingsClient } from '../../clients/graph/bookings-client';
import type { RetryOptions } from '../../clients/http/retry-policy';
import { clockFrom, type Clock } from '../../domain/clock';
import { silentLogger } from '../../logging/logger';
import { DEFAULT_TEST_NOW } from '../../testing/test-dates';
import { setupSchema, type Setup } from '../../setup/setup-schema';
import type { Database } from '../../store/database';
import type { SyncContext } from '../sync-context';
import { businessKey } from '../../domain/business-key';

export interface SyncHarnessOptions {
  /** Default: a small clinic (30 customers, 2 staff, 20 days back, 3 ahead) so suites stay fast. */
  seedScale?: SeedScale;
  /** PRNG seed of the generated data; default 1. */
  seed?: number;
  graphSettings?: Partial<GraphEmulatorSettings>;
  bcSettings?: Partial<BcEmulatorSettings>;
  /** The day the data is generated around, the emulators' and `clock`'s start and the default `runStartedAt` of contexts; default DEFAULT_TEST_NOW. */
  now?: Date;
  /** Setup fields over the defaults (lookBackDays defaults to cover the generated days back). */
  setup?: Partial<Setup>;
  /** Edits the generated data before the emulators copy it, e.g. to add malformed records. */
  editSeed?: (data: SandboxData) => void;
  /** Retry settings of both clients; default: fast (a few ms of backoff). */
  retry?: Partial<RetryOptions>;
  /** Business Central client timeouts; default 10 s per request and the client's per-operation `$batch` allowance. */
  bcTimeouts?: { timeoutMs?: number; batchOperationTimeoutMs?: number };
}

export interface GraphResponse {
  status: number;
  body: unknown;
}

export interface SyncHarness {
  graph: GraphEmulator;
  bc: BcEmulator;
  /** `http://127.0.0.1:<port>/v1.0` */
  graphBaseUrl: string;
  /** `http://127.0.0.1:<port>/v2.0/<tenant>/<environment>/api/v2.0` */
  bcApiBaseUrl: string;
  bookings: BookingsClient;
  /** Bound to `companyId`. */
  bcClient: BusinessCentralClient;
  /** The Bookings business id as Graph spells it. */
  businessId: string;
  companyId: string;
  setup: Setup;
  /** The data the emulators were seeded with (their own copies change independently). */
  data: SandboxData;
  now: Date;
  /** Starts at `now` and advances with monotonic time: what the emulators read, and what components under test should. */
  clock: Clock;
  token: string;
  /** A fresh context for one run: a new run id and `runStartedAt = now` unless overridden. */
  context(db: Kysely<Database>, overrides?: Partial<SyncContext>): SyncContext;
  /** A raw request to the Graph emulator (PATCH, cancel, ...), `path` relative to the business, e.g. `/appointments/{id}`. */
  graphRequest(method: string, path: string, body?: unknown): Promise<GraphResponse>;
  close(): Promise<void>;
}

const TOKEN = 'sync-harness-token';

const SMALL_SCALE: SeedScale = { customers: 30, staff: 2, daysBack: 20, daysAhead: 3 };

// Jitter from a seeded source, so a run's back-off is the same every time.
const fastRetry = (): Partial<RetryOptions> => ({ maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 50, maxTotalDelayMs: 10_000, random: mulberry32(7) });

/** Both emulators on 127.0.0.1 port 0, seeded with the sandbox clinic, and clients pointing at them. */
export async function startSyncHarness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const now = options.now ?? DEFAULT_TEST_NOW;
  const clock = clockFrom(now);
  const scale = options.seedScale ?? SMALL_SCALE;
  const data = generateSandboxData({ seed: options.seed ?? 1, now, scale });
  options.editSeed?.(data);

  const graph = createGraphEmulator(data.bookings, { retryAfterSeconds: 0, ...options.graphSettings, token: TOKEN }, { now: clock });
  const bc = createBcEmulator(data.bc, { ...options.bcSettings, token: TOKEN }, { now: clock });
  const graphListening = await graph.listen('127.0.0.1', 0);
  const bcListening = await bc.listen('127.0.0.1', 0).catch(async (err: unknown) => {
    await graphListening.close();
    throw err;
  });

  const tokenProvider = new StaticTokenProvider(TOKEN);
  const retry = { ...fastRetry(), ...options.retry };
  const bookings = new BookingsClient({ baseUrl: graphListening.baseUrl, tokenProvider, retry, timeoutMs: 10_000 });
  const bcClient = new BusinessCentralClient({
    apiBaseUrl: bcListening.apiBaseUrl,
    companyId: SANDBOX_COMPANY_ID,
    tokenProvider,
    retry,
    timeoutMs: 10_000,
    ...options.bcTimeouts,
  });
  const setup = setupSchema.parse({
    businessId: SANDBOX_BUSINESS_ID,
    companyId: SANDBOX_COMPANY_ID,
    lookBackDays: (scale.daysBack ?? 120) + 1,
    ...options.setup,
  });

  const graphRequest = async (method: string, path: string, body?: unknown): Promise<GraphResponse> => {
    const url = `${graphListening.baseUrl}/solutions/bookingBusinesses/${encodeURIComponent(SANDBOX_BUSINESS_ID)}${path}`;
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };

  return {
    graph,
    bc,
    graphBaseUrl: graphListening.baseUrl,
    bcApiBaseUrl: bcListening.apiBaseUrl,
    bookings,
    bcClient,
    businessId: SANDBOX_BUSINESS_ID,
    companyId: SANDBOX_COMPANY_ID,
    setup,
    data,
    now,
    clock,
    token: TOKEN,
    context: (db, overrides = {}) => ({
      db,
      bookings,
      bc: bcClient,
      setup,
      businessId: businessKey(SANDBOX_BUSINESS_ID),
      syncRunId: randomUUID(),
      runStartedAt: now,
      clock,
      logger: silentLogger,
      progress: () => undefined,
      signal: new AbortController().signal,
      // No lease outside a sync job: a plain transaction.
      commit: (work) => db.transaction().execute(work),
      ...overrides,
    }),
    graphRequest,
    close: async () => {
      await Promise.all([graphListening.close(), bcListening.close()]);
    },
  };
}
