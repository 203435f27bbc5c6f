import { z } from 'zod';
import type { BenchRun } from './bench-run';
import { emulatorStats, inPool, json, requestsBetween, sleep } from './http';
import { pagingBoundMs } from './report';

/*
 * (2) Sync: the full year from an empty database (the app's first sync, started by its scheduler at
 * start-up with lookBackDays=365), then one day's changes made through the Graph emulator's API and the
 * incremental sync they call for (POST /api/sync).
 */

const DAY_MS = 86_400_000;
/** The Graph emulator's (and Graph's) calendarView page. */
const GRAPH_PAGE = 100;
const INCREMENTAL_GOAL_MS = 1000;
/** The floor reads the year in windows of a week: small enough to keep 4 busy to the end, large enough to add few part pages. */
const FLOOR_WINDOW_DAYS = 7;
/** The seed's appointments reach two weeks ahead (sandbox/seed/scale.ts). */
const FLOOR_DAYS_AHEAD = 15;

const syncRunSchema = z.looseObject({
  id: z.string(),
  state: z.string(),
  counts: z.looseObject({ added: z.number(), updated: z.number(), unchanged: z.number(), removed: z.number(), rejected: z.number() }),
  error: z.string().nullable().optional(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
type SyncRun = z.infer<typeof syncRunSchema>;
const FINISHED = new Set(['succeeded', 'failed', 'partial']);

const durationMs = (run: SyncRun) => Date.parse(run.finishedAt ?? run.startedAt) - Date.parse(run.startedAt);

/** Waits for the app's latest sync run (or run `id`) to finish; throws when it failed. */
export async function waitForSync(run: BenchRun, id?: string, pollMs = 500): Promise<SyncRun> {
  for (;;) {
    const latest = id
      ? await json(syncRunSchema, `${run.app.origin}/api/sync/${id}`)
      : (await json(z.looseObject({ runs: z.array(syncRunSchema) }), `${run.app.origin}/api/sync?limit=1`)).runs[0];
    if (latest !== undefined && FINISHED.has(latest.state)) {
      if (latest.state !== 'succeeded') throw new Error(`the sync ${latest.id} ended ${latest.state}: ${latest.error ?? ''}`);
      return latest;
    }
    await sleep(pollMs);
  }
}

/** The full-year sync the app started by itself; `before` is the emulators' stats from before the app started. */
export async function fullYearSync(run: BenchRun, before: Awaited<ReturnType<typeof emulatorStats>>, measured: boolean): Promise<void> {
  const cpuBefore = run.appUsage().cpuSeconds;
  const done = await waitForSync(run);
  const requests = requestsBetween(before, await emulatorStats(run.emulators));
  run.log(`full-year sync: ${durationMs(done)} ms, ${done.counts.added} added, ${requests.graph} Graph requests`);
  if (!measured) return;
  const appointmentPages = Math.ceil(run.emulators.lastYear / GRAPH_PAGE);
  const customerPages = Math.ceil(run.emulators.customers / GRAPH_PAGE);
  const pages = appointmentPages + customerPages;
  run.add({
    scenario: 'sync',
    name: 'full year from empty, wall (app clock)',
    value: durationMs(done),
    unit: 'ms',
    reference: {
      kind: 'bound',
      label: `(${appointmentPages} appointment + ${customerPages} customer pages of ${GRAPH_PAGE}) x ${run.settings.latencyMs} ms / ${run.settings.graphMaxConcurrentPerMailbox} per mailbox`,
      value: pagingBoundMs({ pages, latencyMs: run.settings.latencyMs, concurrent: run.settings.graphMaxConcurrentPerMailbox }),
    },
    goal: { on: 'ratio', op: '<=', limit: 1.25 },
    notes: `${run.emulators.lastYear} appointments in the year; counts ${JSON.stringify(done.counts)}; ${requests.graph} Graph requests (+${requests.graphBatchItems} batch items), ${requests.bc} BC requests, ${requests.throttled} throttled; app CPU ${(run.appUsage().cpuSeconds - cpuBefore).toFixed(1)} s`,
  });
  const floor = await pagingFloor(run);
  run.log(`paging floor: ${Math.round(floor.ms)} ms for ${floor.pages} pages`);
  run.add({
    scenario: 'sync',
    name: 'floor: the same pages read by a client that does nothing else, wall',
    value: floor.ms,
    unit: 'ms',
    reference: {
      kind: 'bound',
      label: 'the bound above',
      value: pagingBoundMs({ pages, latencyMs: run.settings.latencyMs, concurrent: run.settings.graphMaxConcurrentPerMailbox }),
    },
    notes: `${floor.pages} pages (${floor.customerPages} of customers, one after another as next links allow; the year in ${FLOOR_WINDOW_DAYS}-day windows), ${run.settings.graphMaxConcurrentPerMailbox} at once, each page parsed and dropped; ${Math.round((floor.ms * run.settings.graphMaxConcurrentPerMailbox) / floor.pages)} ms a page where the bound counts ${run.settings.latencyMs}`,
  });
}

const pageSchema = z.looseObject({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

/** Pages from `first` on, following next links: how many. */
async function readPages(first: string): Promise<number> {
  let pages = 0;
  for (let url: string | undefined = first; url !== undefined; pages++) url = (await json(pageSchema, url, { token: true }))['@odata.nextLink'];
  return pages;
}

/**
 * What the emulator allows any client: the customer list and the year's calendar, read with nothing done
 * with them, within the mailbox's concurrency (the customer list is one of the readers for its length).
 * Run after the app's sync, when the app is idle.
 */
async function pagingFloor(run: BenchRun): Promise<{ ms: number; pages: number; customerPages: number }> {
  const business = `${run.emulators.graphBaseUrl}/solutions/bookingBusinesses/${encodeURIComponent(run.businessId)}`;
  const now = run.appNow().getTime();
  let customerPages = 0;
  const reads: (() => Promise<number>)[] = [async () => (customerPages = await readPages(`${business}/customers`))];
  for (let from = now - 365 * DAY_MS; from < now + FLOOR_DAYS_AHEAD * DAY_MS; from += FLOOR_WINDOW_DAYS * DAY_MS) {
    const window = `start=${new Date(from).toISOString()}&end=${new Date(from + FLOOR_WINDOW_DAYS * DAY_MS).toISOString()}`;
    reads.push(() => readPages(`${business}/calendarView?${window}`));
  }
  let pages = 0;
  const started = performance.now();
  await inPool(reads, run.settings.graphMaxConcurrentPerMailbox, async (read) => {
    // Read first, then added: `pages += await ...` would add to the count as it was before the wait.
    const count = await read();
    pages += count;
  });
  return { ms: performance.now() - started, pages, customerPages };
}

const appointmentSchema = z.looseObject({
  id: z.string(),
  startDateTime: z.object({ dateTime: z.string() }),
  endDateTime: z.object({ dateTime: z.string() }),
});
type Appointment = z.infer<typeof appointmentSchema>;

const utc = (dateTime: string) => Date.parse(/Z$|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime}Z`);
const at = (ms: number) => ({ dateTime: new Date(ms).toISOString().replace(/Z$/, ''), timeZone: 'UTC' });

/** Yesterday's changes in Bookings: three new appointments, three moved by half an hour, two cancelled. */
async function oneDaysChanges(run: BenchRun): Promise<string> {
  const business = `${run.emulators.graphBaseUrl}/solutions/bookingBusinesses/${encodeURIComponent(run.businessId)}`;
  const now = run.appNow().getTime();
  const start = new Date(now - DAY_MS).toISOString();
  const end = new Date(now).toISOString();
  const page = await json(z.looseObject({ value: z.array(appointmentSchema) }), `${business}/calendarView?start=${start}&end=${end}`, { token: true });
  const day = page.value;
  if (day.length < 8) throw new Error(`yesterday holds ${day.length} appointments in the Graph emulator: too few to change`);
  const moved = day.slice(0, 3);
  const cancelled = day.slice(3, 5);
  const copied = day.slice(5, 8);
  const shift = (a: Appointment, ms: number) => ({ startDateTime: at(utc(a.startDateTime.dateTime) + ms), endDateTime: at(utc(a.endDateTime.dateTime) + ms) });
  for (const a of moved)
    await json(z.unknown(), `${business}/appointments/${encodeURIComponent(a.id)}`, { method: 'PATCH', body: shift(a, 30 * 60_000), token: true });
  for (const a of cancelled) {
    await json(z.unknown(), `${business}/appointments/${encodeURIComponent(a.id)}/cancel`, {
      method: 'POST',
      body: { cancellationMessage: 'bench: cancelled' },
      token: true,
    });
  }
  for (const a of copied) {
    const { id: _id, ...rest } = a;
    await json(z.unknown(), `${business}/appointments`, { method: 'POST', body: { ...rest, ...shift(a, 60 * 60_000) }, token: true });
  }
  return `${copied.length} new, ${moved.length} moved, ${cancelled.length} cancelled yesterday`;
}

/** One day's changes, then the sync they call for. */
export async function incrementalSync(run: BenchRun): Promise<void> {
  const changes = await oneDaysChanges(run);
  const before = await emulatorStats(run.emulators);
  const cpuBefore = run.appUsage().cpuSeconds;
  const started = performance.now();
  const { syncRunId } = await json(z.looseObject({ syncRunId: z.string() }), `${run.app.origin}/api/sync`, { method: 'POST', body: {} });
  const done = await waitForSync(run, syncRunId, 50);
  const wallMs = performance.now() - started;
  const requests = requestsBetween(before, await emulatorStats(run.emulators));
  run.add({
    scenario: 'sync',
    name: "incremental after one day's changes, wall (app clock)",
    value: durationMs(done),
    unit: 'ms',
    goal: { on: 'value', op: '<', limit: INCREMENTAL_GOAL_MS },
    notes: `${changes}; counts ${JSON.stringify(done.counts)}; ${Math.round(wallMs)} ms from POST to seen finished (polled every 50 ms); ${requests.graph} Graph requests (+${requests.graphBatchItems} batch items), ${requests.bc} BC requests; app CPU ${(run.appUsage().cpuSeconds - cpuBefore).toFixed(1)} s`,
  });
}
