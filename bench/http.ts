import { z } from 'zod';
import { TOKEN } from './processes';

/*
 * The bench talks to the app and the emulators only over HTTP, and reads from their answers just the
 * few fields it needs (loose schemas), so it measures whatever the product's API becomes.
 */

/** The app refuses more than 600 API requests a minute from one address: the bench waits as it asks. */
const APP_BUSY_RETRIES = 10;
/** The app's rate window: after this long without a request from an address, its count starts again. */
export const APP_RATE_WINDOW_MS = 60_000;

/** One request; an app's 429 `busy` is waited out and asked again, and only the answered attempt is timed. */
export async function call(
  url: string,
  init: { method?: string; body?: unknown; token?: boolean } = {},
): Promise<{ status: number; text: string; ms: number }> {
  for (let attempt = 0; ; attempt++) {
    let answer: Awaited<ReturnType<typeof callOnce>>;
    try {
      answer = await callOnce(url, init);
    } catch (error) {
      // A dropped connection: a read is asked again (a change never is, it may have happened).
      if ((init.method ?? 'GET') !== 'GET' || attempt >= 3) throw error;
      await sleep(1000);
      continue;
    }
    if (answer.status !== 429 || attempt === APP_BUSY_RETRIES || !answer.text.includes('"busy"')) return answer;
    await sleep(1000 * Math.max(1, answer.retryAfterSeconds));
  }
}

async function callOnce(
  url: string,
  init: { method?: string; body?: unknown; token?: boolean },
): Promise<{ status: number; text: string; ms: number; retryAfterSeconds: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${TOKEN}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started, retryAfterSeconds: Number(response.headers.get('retry-after') ?? 1) };
}

/** The answer parsed with `schema`; throws naming the request when it is not 2xx. */
export async function json<T>(schema: z.ZodType<T>, url: string, init: { method?: string; body?: unknown; token?: boolean } = {}): Promise<T> {
  const answer = await call(url, init);
  if (answer.status < 200 || answer.status > 299) throw new Error(`${init.method ?? 'GET'} ${url} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
  return schema.parse(answer.text === '' ? {} : JSON.parse(answer.text));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `work` on each item in the list's order, `parallel` at a time, as a client with that many connections would. */
export async function inPool<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const bcStatsSchema = z.object({ requests: z.number(), throttled: z.number(), maxConcurrency: z.number() });
const graphStatsSchema = z.object({ requestsServed: z.number(), batchItemsServed: z.number(), throttled: z.number() });
export type BcStats = z.infer<typeof bcStatsSchema>;
export type GraphStats = z.infer<typeof graphStatsSchema>;

const origin = (url: string) => new URL(url).origin;

/** Both emulators' request counts, from their /_emulator/stats. */
export async function emulatorStats(urls: { graphBaseUrl: string; bcApiBaseUrl: string }): Promise<{ graph: GraphStats; bc: BcStats }> {
  const [graph, bc] = await Promise.all([
    json(graphStatsSchema, `${origin(urls.graphBaseUrl)}/_emulator/stats`, { token: true }),
    json(bcStatsSchema, `${origin(urls.bcApiBaseUrl)}/_emulator/stats`, { token: true }),
  ]);
  return { graph, bc };
}

/** Requests each emulator served between two readings ($batch counts once; Graph's batch items beside). */
export function requestsBetween(before: { graph: GraphStats; bc: BcStats }, after: { graph: GraphStats; bc: BcStats }) {
  return {
    graph: after.graph.requestsServed - before.graph.requestsServed,
    graphBatchItems: after.graph.batchItemsServed - before.graph.batchItemsServed,
    bc: after.bc.requests - before.bc.requests,
    throttled: after.graph.throttled - before.graph.throttled + after.bc.throttled - before.bc.throttled,
  };
}

export interface EmulatorTimes {
  latencyMs: number;
  serviceTimeMs: number;
  bcMaxConcurrent: number;
  graphMaxConcurrentPerMailbox: number;
}

/**
 * Sets latency, service time and concurrency on both emulators through their /_emulator/settings, and
 * reads back what is in force (Graph has no service time: its cost is the round trip).
 */
export async function setEmulatorTimes(urls: { graphBaseUrl: string; bcApiBaseUrl: string }, t: EmulatorTimes): Promise<void> {
  const graph = await json(z.looseObject({ latencyMs: z.number(), maxConcurrentPerMailbox: z.number() }), `${origin(urls.graphBaseUrl)}/_emulator/settings`, {
    method: 'PATCH',
    body: { latencyMs: t.latencyMs, maxConcurrentPerMailbox: t.graphMaxConcurrentPerMailbox },
    token: true,
  });
  const bc = await json(
    z.looseObject({ latencyMs: z.number(), serviceTimeMs: z.number(), maxConcurrent: z.number() }),
    `${origin(urls.bcApiBaseUrl)}/_emulator/settings`,
    {
      method: 'PATCH',
      body: { latencyMs: t.latencyMs, serviceTimeMs: t.serviceTimeMs, maxConcurrent: t.bcMaxConcurrent },
      token: true,
    },
  );
  const inForce = {
    latencyMs: graph.latencyMs,
    graphMaxConcurrentPerMailbox: graph.maxConcurrentPerMailbox,
    bcLatencyMs: bc.latencyMs,
    serviceTimeMs: bc.serviceTimeMs,
    bcMaxConcurrent: bc.maxConcurrent,
  };
  const wanted = {
    latencyMs: t.latencyMs,
    graphMaxConcurrentPerMailbox: t.graphMaxConcurrentPerMailbox,
    bcLatencyMs: t.latencyMs,
    serviceTimeMs: t.serviceTimeMs,
    bcMaxConcurrent: t.bcMaxConcurrent,
  };
  if (JSON.stringify(inForce) !== JSON.stringify(wanted)) throw new Error(`the emulators did not take the settings: ${JSON.stringify(inForce)}`);
}
