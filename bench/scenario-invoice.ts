import { z } from 'zod';
import type { BenchRun } from './bench-run';
import { call, emulatorStats, inPool, json, requestsBetween, sleep } from './http';
import { COMPANY_ID, processUsage } from './processes';
import { formatNumber, invoiceRunBoundMs } from './report';

/*
 * (1) Invoice all over a period that holds about TARGET invoiceable appointments, through the app's API
 * as the tab does it (POST /api/invoice-runs with the filter, then GET the run every second until it is
 * finished); then the naive baselines against the same Business Central emulator, for the same invoices
 * as read back from it: one POST per invoice with its lines, one at a time and five at once.
 */

const TARGET = 10_000;
const CLICK_GOAL_MS = 1000;
const CLICK_MIN_APPOINTMENTS = 5000;
const RSS_GOAL_MB = 300;
/** The tab's and the bot's poll of a running run. */
const POLL_MS = 1000;
const DAY_MS = 86_400_000;
/** Round trips the invoice run cannot overlap besides its read-back pages (issue 14's bound). */
const FIXED_ROUND_TRIPS = 4;
/** Business Central's (and its emulator's) page. */
const BC_PAGE = 1000;
/** Creates per `$batch` in the floor: as many as the app sends in one. */
const FLOOR_BATCH = 50;

const countSchema = z.looseObject({ totals: z.looseObject({ count: z.number() }) });
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The shortest period ending yesterday that holds at least TARGET invoiceable appointments (binary search on days). */
async function periodOfTarget(run: BenchRun): Promise<{ from: string; to: string; count: number }> {
  const yesterday = run.appNow().getTime() - DAY_MS;
  const to = day(yesterday);
  const count = async (days: number) =>
    (await json(countSchema, `${run.app.origin}/api/unbilled?limit=1&from=${day(yesterday - (days - 1) * DAY_MS)}&to=${to}`)).totals.count;
  let low = 1;
  let high = 400;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await count(mid)) >= TARGET) high = mid;
    else low = mid + 1;
  }
  return { from: day(yesterday - (low - 1) * DAY_MS), to, count: await count(low) };
}

const lineSchema = z.looseObject({
  lineType: z.string(),
  itemId: z.string().optional(),
  accountId: z.string().optional(),
  description: z.string().optional(),
  quantity: z.number().optional(),
  unitPrice: z.number().optional(),
});
const invoiceSchema = z.looseObject({ id: z.string(), customerId: z.string(), salesInvoiceLines: z.array(lineSchema).optional() });
const invoicePageSchema = z.looseObject({ value: z.array(invoiceSchema), '@odata.nextLink': z.string().optional() });
type Invoice = z.infer<typeof invoiceSchema>;

const BLANK = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

/** Every draft sales invoice in the BC emulator (with lines when `lines`), page by page. */
async function allInvoices(run: BenchRun, lines: boolean): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  let url: string | undefined =
    `${run.emulators.bcApiBaseUrl}/companies(${COMPANY_ID})/salesInvoices?${lines ? '$expand=salesInvoiceLines' : '$select=id,customerId'}`;
  while (url !== undefined) {
    const page: z.infer<typeof invoicePageSchema> = await json(invoicePageSchema, url, { token: true });
    invoices.push(...page.value);
    url = page['@odata.nextLink'];
  }
  return invoices;
}

/** The invoice as one POST with its lines, as a naive client would send it. */
function naiveBody(invoice: Invoice, n: number, tag: string): unknown {
  return {
    customerId: invoice.customerId,
    externalDocumentNumber: `${tag}-${n}`,
    salesInvoiceLines: (invoice.salesInvoiceLines ?? []).map((l) =>
      l.lineType === 'Comment'
        ? { lineType: 'Comment', description: l.description ?? '' }
        : {
            lineType: l.lineType,
            ...(l.itemId && !BLANK.test(l.itemId) ? { itemId: l.itemId } : {}),
            ...(l.accountId && !BLANK.test(l.accountId) ? { accountId: l.accountId } : {}),
            description: l.description ?? '',
            quantity: l.quantity ?? 1,
            unitPrice: l.unitPrice ?? 0,
          },
    ),
  };
}

/** Posts every body, `parallel` at a time; wall ms and failures. */
async function naivePost(run: BenchRun, bodies: readonly unknown[], parallel: number): Promise<{ ms: number; failed: number; requests: number }> {
  const url = `${run.emulators.bcApiBaseUrl}/companies(${COMPANY_ID})/salesInvoices`;
  const before = await emulatorStats(run.emulators);
  let failed = 0;
  const started = performance.now();
  await inPool(bodies, parallel, async (body) => {
    const answer = await call(url, { method: 'POST', body, token: true });
    if (answer.status !== 201) failed += 1;
  });
  const ms = performance.now() - started;
  return { ms, failed, requests: requestsBetween(before, await emulatorStats(run.emulators)).bc };
}

const batchAnswerSchema = z.looseObject({ responses: z.array(z.looseObject({ status: z.number() })) });

/**
 * What the emulator allows any client for these creates: the same bodies as `$batch` requests of
 * FLOOR_BATCH, `parallel` at once, with nothing read, planned or recorded around them.
 */
async function batchedFloor(run: BenchRun, bodies: readonly unknown[], parallel: number): Promise<{ ms: number; failed: number; batches: number }> {
  const url = `${run.emulators.bcApiBaseUrl}/$batch`;
  const batches: unknown[][] = [];
  for (let i = 0; i < bodies.length; i += FLOOR_BATCH) batches.push(bodies.slice(i, i + FLOOR_BATCH));
  let failed = 0;
  const started = performance.now();
  await inPool(batches, parallel, async (batch) => {
    const requests = batch.map((body, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: `companies(${COMPANY_ID})/salesInvoices`,
      headers: { 'Content-Type': 'application/json' },
      body,
    }));
    const answer = await json(batchAnswerSchema, url, { method: 'POST', body: { requests }, token: true });
    failed += answer.responses.filter((r) => r.status !== 201).length + requests.length - answer.responses.length;
  });
  return { ms: performance.now() - started, failed, batches: batches.length };
}

const runSchema = z.looseObject({
  state: z.string(),
  finished: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable().optional(),
});

export async function invoiceRun(run: BenchRun): Promise<void> {
  const s = run.settings;
  const period = await periodOfTarget(run);
  run.log(`invoice run: ${period.from}..${period.to} holds ${period.count} invoiceable appointments`);
  const existing = new Set((await allInvoices(run, false)).map((i) => i.id));

  run.resetAppPeakRss();
  const cpuBefore = run.appUsage().cpuSeconds;
  const before = await emulatorStats(run.emulators);
  const started = performance.now();
  const click = await call(`${run.app.origin}/api/invoice-runs`, { method: 'POST', body: { selection: { kind: 'filter', from: period.from, to: period.to } } });
  if (click.status !== 202 && click.status !== 201) throw new Error(`Invoice all answered ${click.status}: ${click.text.slice(0, 500)}`);
  const { runId } = z.looseObject({ runId: z.string() }).parse(JSON.parse(click.text));
  let result: z.infer<typeof runSchema>;
  const polls: { ms: number; bytes: number }[] = [];
  for (;;) {
    await sleep(POLL_MS);
    const answer = await call(`${run.app.origin}/api/invoice-runs/${runId}`);
    if (answer.status !== 200) throw new Error(`GET /api/invoice-runs/${runId} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    polls.push({ ms: answer.ms, bytes: answer.text.length });
    result = runSchema.parse(JSON.parse(answer.text));
    if (result.finished) break;
  }
  const seenMs = performance.now() - started;
  const usage = run.appUsage();
  const requests = requestsBetween(before, await emulatorStats(run.emulators));
  const runMs = Date.parse(result.finishedAt ?? result.createdAt) - Date.parse(result.createdAt);

  const created = (await allInvoices(run, true)).filter((i) => !existing.has(i.id));
  const lines = created.reduce((n, i) => n + (i.salesInvoiceLines?.length ?? 0), 0);
  run.log(`invoice run ${result.state}: ${created.length} invoices (${lines} lines) in ${runMs} ms`);
  if (created.length === 0) throw new Error(`the invoice run created no invoice (state ${result.state}: ${result.error ?? ''})`);
  const roundTrips = FIXED_ROUND_TRIPS + Math.ceil(created.length / BC_PAGE);
  const bound = invoiceRunBoundMs({ operations: created.length, serviceTimeMs: s.serviceTimeMs, slots: s.bcMaxConcurrent, roundTrips, latencyMs: s.latencyMs });
  const boundLabel = `${created.length} operations x ${s.serviceTimeMs} ms / ${s.bcMaxConcurrent} slots + ${roundTrips} round trips x ${s.latencyMs} ms`;
  const what = `${period.count} invoiceable appointments (${period.from}..${period.to}) -> ${created.length} invoices, ${lines} lines; run ${result.state}`;

  // Right after the run, on the store it left, before the naive baselines grow it by twice as many invoices.
  const emulatorCpu = processUsage(run.emulators.pid).cpuSeconds;
  const floor = await batchedFloor(
    run,
    created.map((i, n) => naiveBody(i, n, 'FLOOR')),
    s.bcMaxConcurrent,
  );
  const floorEmulatorCpu = processUsage(run.emulators.pid).cpuSeconds - emulatorCpu;
  run.log(`batched floor: ${Math.round(floor.ms)} ms, ${floor.failed} failed, emulator CPU ${floorEmulatorCpu.toFixed(1)} s`);
  const oneByOne = await naivePost(
    run,
    created.map((i, n) => naiveBody(i, n, 'NAIVE1')),
    1,
  );
  run.log(`naive one at a time: ${Math.round(oneByOne.ms)} ms, ${oneByOne.failed} failed`);
  const fiveAtOnce = await naivePost(
    run,
    created.map((i, n) => naiveBody(i, n, 'NAIVE5')),
    s.bcMaxConcurrent,
  );
  run.log(`naive ${s.bcMaxConcurrent} at once: ${Math.round(fiveAtOnce.ms)} ms, ${fiveAtOnce.failed} failed`);

  const pollMs = polls.map((p) => p.ms);
  run.add({
    scenario: 'invoice run',
    name: 'wall, Invoice all to finished (app clock)',
    value: runMs,
    unit: 'ms',
    reference: { kind: 'bound', label: boundLabel, value: bound },
    goal: { on: 'ratio', op: '<=', limit: 1.25 },
    notes: `${what}; ${requests.bc} BC requests, ${requests.graph} Graph requests (+${requests.graphBatchItems} batch items), ${requests.throttled} throttled; app CPU ${(usage.cpuSeconds - cpuBefore).toFixed(1)} s; seen finished by the bench after ${Math.round(seenMs)} ms`,
  });
  run.add({
    scenario: 'invoice run',
    name: 'wall against naive one POST at a time',
    value: runMs,
    unit: 'ms',
    reference: { kind: 'baseline', label: `${created.length} POSTs with lines, 1 at a time (${oneByOne.failed} failed)`, value: oneByOne.ms },
    goal: { on: 'ratio', op: '<=', limit: 0.05 },
    notes: 'goal: at least 20x faster',
  });
  run.add({
    scenario: 'invoice run',
    name: `wall against naive one POST each, ${s.bcMaxConcurrent} at once`,
    value: runMs,
    unit: 'ms',
    reference: {
      kind: 'baseline',
      label: `${created.length} POSTs with lines, ${s.bcMaxConcurrent} at once (${fiveAtOnce.failed} failed)`,
      value: fiveAtOnce.ms,
    },
    goal: { on: 'ratio', op: '<', limit: 1 },
    notes: 'goal: faster than the naive path at the allowed concurrency',
  });
  run.add({
    scenario: 'invoice run',
    name: `floor: the same creates in $batch of ${FLOOR_BATCH}, ${s.bcMaxConcurrent} at once, nothing else`,
    value: floor.ms,
    unit: 'ms',
    reference: { kind: 'bound', label: 'the bound above', value: bound },
    notes: `${floor.batches} $batch requests (${floor.failed} failed); emulator CPU ${floorEmulatorCpu.toFixed(1)} s; the run took ${formatNumber(runMs / floor.ms, 2)}x this floor; no Bookings re-read, plan, claim, customer check, verification or record in it`,
  });
  run.add({
    scenario: 'invoice run',
    name: 'Business Central requests',
    value: requests.bc,
    unit: 'requests',
    notes: `a $batch counts once; naive: ${oneByOne.requests} and ${fiveAtOnce.requests}`,
  });
  run.add({
    scenario: 'invoice run',
    name: 'Graph requests',
    value: requests.graph,
    unit: 'requests',
    notes: `+${requests.graphBatchItems} items inside $batch`,
  });
  run.add({
    scenario: 'invoice run',
    name: 'app peak RSS during the run (VmHWM)',
    value: Math.round(usage.peakRssMb),
    unit: 'MB',
    goal: { on: 'value', op: '<', limit: RSS_GOAL_MB },
    notes: `peak reset just before the run (/proc/<pid>/clear_refs); RSS after ${Math.round(usage.rssMb)} MB`,
  });
  run.add({
    scenario: 'invoice run',
    name: `Invoice all click answered (${period.count} appointments in the run)`,
    value: click.ms,
    unit: 'ms',
    goal: { on: 'value', op: '<', limit: CLICK_GOAL_MS },
    notes:
      period.count >= CLICK_MIN_APPOINTMENTS
        ? 'POST /api/invoice-runs to its answer'
        : `only ${period.count} appointments: fewer than ${CLICK_MIN_APPOINTMENTS}`,
  });
  run.add({
    scenario: 'invoice run',
    name: 'GET of the running run (the tab polls it every second), slowest',
    value: Math.max(...pollMs),
    unit: 'ms',
    notes: `${polls.length} polls, largest answer ${Math.round(Math.max(...polls.map((p) => p.bytes)) / 1024)} KB`,
  });
}
