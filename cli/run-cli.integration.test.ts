import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RAW_DETAIL } from '../service/invoicing/run/run-error-words';
import { SYNC_ERROR_WORDS } from '../service/jobs/sync-error-words';
import { createBcEmulator, type BcListening } from '../sandbox/bc';
import { createGraphEmulator, type ListeningGraphEmulator } from '../sandbox/graph';
import { generateSandboxData, SANDBOX_BUSINESS_ID } from '../sandbox/seed';
import type { Env } from '../service/config/env-files';
import type { Identity } from '../service/identity/identity';
import { runCli } from './run-cli';

const TOKEN = 'cli-test-token';

interface Captured {
  code: number;
  out: string;
  err: string;
}

describe('npm run cli (against the emulators, SQLite)', () => {
  let graph: ListeningGraphEmulator;
  let bc: BcListening;
  let dir: string;
  let env: Env;

  beforeAll(async () => {
    const data = generateSandboxData({ seed: 3, scale: { customers: 30, staff: 2, daysBack: 20, daysAhead: 3 } });
    graph = await createGraphEmulator(data.bookings, { token: TOKEN }).listen('127.0.0.1', 0);
    bc = await createBcEmulator(data.bc, { token: TOKEN }).listen('127.0.0.1', 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
    env = {
      // No env file has this name: the test's environment is all there is.
      APP_ENV: 'cli-integration-test',
      DATABASE_URL: path.join(dir, 'data', 'bookings.db'),
      GRAPH_BASE_URL: graph.baseUrl,
      BC_API_BASE_URL: bc.apiBaseUrl,
      BOOKINGS_BUSINESS_ID: SANDBOX_BUSINESS_ID,
      AUTH_MODE: 'static',
      STATIC_ACCESS_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
    };
  });
  afterAll(async () => {
    await Promise.all([graph.close(), bc.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (argv: string[], options: { env?: Env; isTty?: boolean; identity?: Identity } = {}): Promise<Captured> => {
    let out = '';
    let err = '';
    const code = await runCli(argv, {
      env: options.env ?? env,
      rootDir: dir,
      io: { out: (t) => void (out += t), err: (t) => void (err += t), isTty: options.isTty ?? false, columns: 100 },
      ...(options.identity ? { identity: options.identity } : {}),
    });
    return { code, out, err };
  };

  it('syncs, prints progress lines and a summary, and lists every unbilled appointment as JSON', async () => {
    const sync = await cli(['sync']);
    expect(sync.err).toBe('');
    expect(sync.code).toBe(0);
    // Progress is sampled: which phases show depends on timing, but each shown line names a phase.
    expect(sync.out).toMatch(/^(services|customers|appointments|reconcile)( \d+% \(\d+\/\d+\))?$/m);
    expect(sync.out).toMatch(/^Sync succeeded: \d+ added, 0 updated, \d+ unchanged, 0 removed, \d+ rejected \(run [0-9a-f-]{36}\)$/m);

    const listed = await cli(['unbilled', '--json']);
    expect(listed.code).toBe(0);
    const response = JSON.parse(listed.out) as { rows: { id: string; state: string; reasons: string[] }[]; total: number };
    expect(response.total).toBeGreaterThan(50);
    expect(response.rows).toHaveLength(response.total);
    expect(new Set(response.rows.map((r) => r.id)).size).toBe(response.total);
    expect(response.rows.every((r) => r.state === 'unbilled')).toBe(true);
    expect(response.rows.some((r) => r.reasons.length > 0)).toBe(true);

    const limited = JSON.parse((await cli(['unbilled', '--json', '--limit', '3', '--state', 'invoiceable'])).out) as { rows: { reasons: string[] }[] };
    expect(limited.rows).toHaveLength(3);
    expect(limited.rows.every((r) => r.reasons.length === 0)).toBe(true);
  });

  it('prints a table with totals', async () => {
    const table = await cli(['unbilled', '--limit', '5']);
    expect(table.code).toBe(0);
    const lines = table.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Id\s+Start\s+Customer\s+Service\s+Amount\s+Status$/);
    expect(lines.slice(2, 7)).toHaveLength(5);
    expect(table.out).toMatch(/^Showing 5 of \d+ \(unbilled; times in Europe\/Copenhagen\)\.$/m);
    // Reasons in words, never their codes.
    expect(table.out).not.toMatch(/\b(price-needed|customer-without-email|service-not-linked|not-ended|no-customer)\b/);
    expect(table.out).toMatch(/^Invoiceable now: \d+ appointments?, DKK [\d,]+\.\d\d\.$/m);
  });

  it('draws a bar on a terminal when a second sync runs', async () => {
    const sync = await cli(['sync'], { isTty: true });
    expect(sync.code).toBe(0);
    expect(sync.out).toMatch(/\r\[[#-]{24}\] +(\d+% )?(services|customers|appointments|reconcile)/);
    expect(sync.out).toMatch(/\nSync succeeded: 0 added/);
  });

  it('reports a failed sync as one line in words (what failed, what to do) and exit code 1', async () => {
    // The first request goes to Business Central (its company), which refuses the wrong token.
    const sync = await cli(['sync'], { env: { ...env, STATIC_ACCESS_TOKEN: 'wrong' } });
    expect(sync.code).toBe(1);
    expect(sync.err.trimEnd().split('\n')).toHaveLength(1);
    expect(sync.err).toMatch(/^Sync failed: .* \(run [0-9a-f-]{36}\)$/m);
    expect(sync.err).toContain(SYNC_ERROR_WORDS['bc-unauthorised'].en);
    expect(sync.err).not.toMatch(RAW_DETAIL);
  });

  it('shows and changes the setup, refusing bad values field by field with exit code 2', async () => {
    const bad = await cli(['setup', 'set', 'syncIntervalMinutes=2', 'dailySummary.time=25:00']);
    expect(bad.code).toBe(2);
    expect(bad.err.trimEnd().split('\n')).toEqual([
      'syncIntervalMinutes: Use a whole number of minutes from 5 to 1440',
      'dailySummary.time: Use a 24-hour time such as 07:30',
    ]);
    const good = await cli(['setup', 'set', 'syncIntervalMinutes=30', 'pricesIncludeVat=nej']);
    expect(good).toMatchObject({ code: 0, out: 'Saved version 1: changed pricesIncludeVat, syncIntervalMinutes\n' });
    const shown = await cli(['setup', 'show']);
    expect(shown.out).toMatch(/^syncIntervalMinutes = 30$/m);
    expect(shown.out).toMatch(/^# Version 1, saved .* by cli\.$/m);
    const json = JSON.parse((await cli(['setup', 'show', '--json'])).out) as { version: number; setup: { pricesIncludeVat: boolean } };
    expect(json).toMatchObject({ version: 1, setup: { pricesIncludeVat: false } });
  });

  it('tests the connections', async () => {
    const unchosen = await cli(['connections']);
    expect(unchosen.code).toBe(1);
    expect(unchosen.out).toMatch(/problem: No Business Central company chosen: pick one from the list \(.*\(c0ffee00-5a4d-4b0c-9a11-000000000001\)\)/);
    expect((await cli(['setup', 'set', 'companyId=c0ffee00-5a4d-4b0c-9a11-000000000001'])).code).toBe(0);
    const ok = await cli(['connections']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Business Central: OK, .*\(local currency DKK\)$/m);
    expect(ok.out).toMatch(/^Bookings: +OK, .*\(DKK\)$/m);
    // With a company chosen, setup show names the template values from Business Central's lists.
    expect((await cli(['setup', 'set', 'itemTemplate.taxGroupCode=moms25', 'itemTemplate.baseUnitOfMeasureCode=HOUR'])).code).toBe(0);
    const named = (await cli(['setup', 'show'])).out;
    expect(named).toMatch(/^itemTemplate\.taxGroupCode = MOMS25 {2}# MOMS25 – Momspligtig, 25 %$/m);
    expect(named).toMatch(/^itemTemplate\.baseUnitOfMeasureCode = HOUR {2}# not in Business Central: pick another$/m);
    const wrong = await cli(['connections'], { env: { ...env, STATIC_ACCESS_TOKEN: 'wrong' } });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/problem: Business Central said 401/);
  });

  it('answers a wrong command line or configuration with one line and exit code 2', async () => {
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringMatching(/^Unknown command "frobnicate"/) });
    expect(await cli(['unbilled', '--nope'])).toMatchObject({ code: 2, err: expect.stringMatching(/^Unknown option '--nope'/) });
    expect(await cli(['unbilled', '--from', '2026-13-45'])).toMatchObject({ code: 2, err: expect.stringMatching(/^from: Use a date/) });
    expect(await cli(['unbilled', '--service', 'no such service'])).toMatchObject({ code: 2, err: expect.stringMatching(/^--service: no service/) });
    // Each state once ('unbilled' is a filter and a stored state alike).
    expect(await cli(['unbilled', '--state', 'billed'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^state: Use one of invoiceable, not-invoiceable, all, unbilled, claimed, invoiced, excluded, cancelled$/m),
    });
    const config = await cli(['sync'], { env: { ...env, GRAPH_BASE_URL: 'not a url' } });
    expect(config).toMatchObject({ code: 2, err: 'Configuration error: GRAPH_BASE_URL must be an http(s) URL\n' });
    expect((await cli(['help'])).out).toMatch(/^ {2}setup set +Change settings/m);
  });

  it('decides through the one role rule: a partner-tenant user named as the CLI caller only reads, the operator may change the setup', async () => {
    const home = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const partner: Identity = {
      kind: 'user',
      tenantId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
      objectId: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11',
      name: 'Pat',
      appRoles: [],
      guest: false,
    };
    const withHome = { ...env, AAD_TENANT_ID: home };
    const refused = await cli(['setup', 'set', 'syncIntervalMinutes=45'], { env: withHome, identity: partner });
    expect(refused).toEqual({ code: 3, out: '', err: `${partner.tenantId}/${partner.objectId} may not setup set: it needs the admin role\n` });
    expect((await cli(['setup', 'show'], { env: withHome, identity: partner })).code).toBe(0);
    expect((await cli(['setup', 'set', 'syncIntervalMinutes=45'], { env: withHome })).code).toBe(0);
  });
});
