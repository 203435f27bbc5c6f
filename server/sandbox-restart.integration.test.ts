import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunInvoicesResponse, RunSummary, SyncRunsResponse, UnbilledResponse } from '../contract/api-contract';
import { DEFAULT_TEST_NOW } from '../service/testing/test-dates';
import { startSandboxApp, syncNow, type SandboxApp } from './testing/sandbox-app';
import { until } from '../service/testing/until';

/*
 * `npm start`, Ctrl-C, `npm start` again on the same database: the emulators continue from the
 * state file beside it (issue 11, item 8), so the restarted sandbox behaves like the real services.
 */

const FIRST_START = DEFAULT_TEST_NOW;
/** The restart comes later, within the scheduler's lease of the first process: no sync starts by itself. */
const SECOND_START = new Date(FIRST_START.getTime() + 10 * 60_000);
const TEST_TIMEOUT_MS = 240_000;

async function json<T>(app: SandboxApp, url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${app.origin}${url}`, { ...init, headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The invoiceable appointments as the app lists them. */
async function invoiceable(app: SandboxApp): Promise<UnbilledResponse['rows']> {
  return (await json<UnbilledResponse>(app, '/api/unbilled?state=invoiceable&limit=500')).rows;
}

/** A finished run as a face shows it: the polled summary, then its invoices (one page holds them here). */
type FinishedRun = RunSummary & Pick<RunInvoicesResponse, 'invoices'>;

async function invoice(app: SandboxApp, appointmentIds: string[]): Promise<FinishedRun> {
  const { runId } = await json<{ runId: string }>(app, '/api/invoice-runs', {
    method: 'POST',
    body: JSON.stringify({ selection: { kind: 'ids', appointmentIds } }),
  });
  let run: RunSummary | undefined;
  await until(async () => (run = await json<RunSummary>(app, `/api/invoice-runs/${runId}`)).finished, `invoice run ${runId} finishes`, 120_000);
  const page = await json<RunInvoicesResponse>(app, `/api/invoice-runs/${runId}/invoices?limit=100`);
  expect(page.invoices).toHaveLength(page.total);
  return { ...run!, invoices: page.invoices };
}

/** Customers whose every invoiceable appointment is theirs alone, `count` of them, with those appointments. */
function customers(rows: UnbilledResponse['rows'], count: number, skip: ReadonlySet<string> = new Set()): string[] {
  const byEmail = new Map<string, string[]>();
  for (const row of rows) {
    const emails = row.customers.map((c) => c.email.toLowerCase());
    for (const email of emails) byEmail.set(email, [...(byEmail.get(email) ?? []), ...(emails.length === 1 ? [row.id] : ['shared'])]);
  }
  const picked = [...byEmail.entries()].filter(([email, ids]) => email !== '' && !skip.has(email) && !ids.includes('shared')).slice(0, count);
  return picked.flatMap(([, ids]) => ids);
}

const numberOf = (n: string) => Number(n.replace(/\D/g, ''));

describe('the sandbox restarted on the same database', () => {
  let dir: string;
  let app: SandboxApp | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-restart-'));
  });
  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'invoices without a sync first, and the next sync releases nothing that was invoiced; numbers continue',
    async () => {
      app = await startSandboxApp({ now: FIRST_START, dataDir: dir });
      const ports = app.ports;
      await syncNow(app);
      const firstIds = customers(await invoiceable(app), 3);
      expect(firstIds.length).toBeGreaterThan(0);
      const first = await invoice(app, firstIds);
      expect(first.state).toBe('succeeded');
      await app.stop();
      app = undefined;
      // The emulators' state was saved beside the database on Ctrl-C.
      expect(fs.existsSync(path.join(dir, 'bookings.db.sandbox.json'))).toBe(true);

      app = await startSandboxApp({ now: SECOND_START, dataDir: dir, ports });
      const before = await json<SyncRunsResponse>(app, '/api/sync?limit=10');
      const secondIds = customers(await invoiceable(app), 3);
      expect(secondIds.length).toBeGreaterThan(0);
      expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
      const second = await invoice(app, secondIds);
      // No sync ran between the restart and the run: the items, customers and ids the database knows are still Business Central's.
      expect((await json<SyncRunsResponse>(app, '/api/sync?limit=10')).runs.map((r) => r.id)).toEqual(before.runs.map((r) => r.id));
      expect(before.runs.every((r) => Date.parse(r.startedAt) < SECOND_START.getTime())).toBe(true);
      expect(second.state).toBe('succeeded');
      expect(second.invoices.every((i) => i.error === null)).toBe(true);

      // Numbering continues from where the first process left it.
      const firstNumbers = first.invoices.map((i) => numberOf(i.number ?? ''));
      const secondNumbers = second.invoices.map((i) => numberOf(i.number ?? ''));
      expect(Math.min(...secondNumbers)).toBeGreaterThan(Math.max(...firstNumbers));

      // A sync now finds every invoiced appointment in Bookings and Business Central as it left them.
      await syncNow(app);
      const invoiced = (await json<UnbilledResponse>(app, '/api/unbilled?state=invoiced&limit=500')).rows.map((r) => r.id);
      expect(invoiced).toEqual(expect.arrayContaining([...firstIds, ...secondIds]));
      const back = (await invoiceable(app)).map((r) => r.id);
      expect(back.filter((id) => firstIds.includes(id) || secondIds.includes(id))).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
