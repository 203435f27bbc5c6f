import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBcEmulator, type BcListening } from '../../sandbox/bc';
import { createGraphEmulator, type ListeningGraphEmulator } from '../../sandbox/graph';
import { generateSandboxData, SANDBOX_BUSINESS_ID } from '../../sandbox/seed';
import type { Env } from '../../service/config/env-files';
import type { Identity } from '../../service/identity/identity';
import { runCli } from '../run-cli';

/* `link service` and `link customer` against the emulators (SQLite): by the numbers people know, admin only. */

const TOKEN = 'cli-link-test-token';

describe('npm run cli -- link', () => {
  let graph: ListeningGraphEmulator;
  let bc: BcListening;
  let dir: string;
  let env: Env;

  beforeAll(async () => {
    const data = generateSandboxData({ seed: 3, scale: { customers: 30, staff: 2, daysBack: 20, daysAhead: 3 } });
    graph = await createGraphEmulator(data.bookings, { token: TOKEN }).listen('127.0.0.1', 0);
    bc = await createBcEmulator(data.bc, { token: TOKEN }).listen('127.0.0.1', 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-link-test-'));
    env = {
      APP_ENV: 'cli-link-integration-test',
      DATABASE_URL: path.join(dir, 'data', 'bookings.db'),
      GRAPH_BASE_URL: graph.baseUrl,
      BC_API_BASE_URL: bc.apiBaseUrl,
      BOOKINGS_BUSINESS_ID: SANDBOX_BUSINESS_ID,
      AUTH_MODE: 'static',
      STATIC_ACCESS_TOKEN: TOKEN,
      LOG_LEVEL: 'silent',
    };
  });

  afterAll(async () => {
    await Promise.all([graph.close(), bc.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (argv: string[], options: { env?: Env; identity?: Identity } = {}) => {
    let out = '';
    let err = '';
    const code = await runCli(argv, {
      env: options.env ?? env,
      rootDir: dir,
      io: { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, columns: 100 },
      ...(options.identity ? { identity: options.identity } : {}),
    });
    return { code, out, err };
  };

  const reasonsOf = async (filter: string[]) => {
    const listed = JSON.parse((await cli(['unbilled', '--json', '--state', 'unbilled', ...filter])).out) as { rows: { reasons: string[] }[] };
    return listed.rows.flatMap((r) => r.reasons);
  };

  it('links the conflicted service to item 1000 and a customer without an email to a new customer; their rows stop waiting', async () => {
    expect((await cli(['sync'])).code).toBe(0);
    expect(await reasonsOf(['--service', 'Fysioterapi, opfølgning'])).toContain('service-not-linked');
    const service = await cli(['link', 'service', 'Fysioterapi, opfølgning', '--item', '1000']);
    expect(service.err).toBe('');
    expect(service).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Fysioterapi, opfølgning is linked to item 1000 Fysioterapi, opfølgning \(\d+ unbilled appointments\)\n$/),
    });
    expect(await reasonsOf(['--service', 'Fysioterapi, opfølgning'])).not.toContain('service-not-linked');

    const customer = await cli(['link', 'customer', 'Inge Nielsen', '--create']);
    expect(customer).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Inge Nielsen is linked to the new customer \S+ Inge Nielsen \(\d+ unbilled appointments\)\n$/),
    });
    expect(await reasonsOf(['--customer', 'Inge Nielsen'])).not.toContain('customer-without-email');
  });

  it('invoices an appointment without a customer to a new customer by name; its row stops waiting', async () => {
    const rowsOf = async () =>
      (JSON.parse((await cli(['unbilled', '--json', '--state', 'all', '--limit', '500'])).out) as { rows: { id: string; reasons: string[] }[] }).rows;
    // An appointment Bookings gives without attendees.
    const id = (await rowsOf()).find((r) => r.reasons.length === 0)!.id;
    const sqlite = new BetterSqlite3(env['DATABASE_URL']);
    sqlite.prepare("update appointments set customers = '[]', customer_count = 0, customers_without_email = 0, customers_blocked = 0 where id = ?").run(id);
    sqlite.close();
    expect((await rowsOf()).find((r) => r.id === id)?.reasons).toEqual(['no-customer']);
    expect((await cli(['link', 'appointment', id])).code).toBe(2);
    expect((await cli(['link', 'appointment', id, '--customer', '10000', '--create', 'Firma A/S'])).code).toBe(2);
    expect(await cli(['link', 'appointment', id, '--create', 'Firma A/S'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^The appointment will be invoiced to the new customer \S+ Firma A\/S\n$/),
    });
    expect((await rowsOf()).find((r) => r.id === id)?.reasons).not.toContain('no-customer');
  });

  it('says what is wrong: both or neither option, an unknown number, an unknown name', async () => {
    expect((await cli(['link', 'service', 'Fysioterapi, opfølgning'])).code).toBe(2);
    expect((await cli(['link', 'service', 'Fysioterapi, opfølgning', '--item', '1000', '--create'])).code).toBe(2);
    expect(await cli(['link', 'service', 'Fysioterapi, opfølgning', '--item', '1004'])).toEqual({
      code: 1,
      out: '',
      err: 'Business Central has no Service item numbered "1004" that is not blocked\n',
    });
    expect((await cli(['link', 'customer', 'Nobody Atall', '--create'])).code).toBe(2);
  });

  it('refuses anyone who is not an admin (exit code 3)', async () => {
    const home = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const partner: Identity = {
      kind: 'user',
      tenantId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
      objectId: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11',
      name: 'Pat',
      appRoles: [],
      guest: false,
    };
    const refused = await cli(['link', 'service', 'Fysioterapi, opfølgning', '--create'], { env: { ...env, AAD_TENANT_ID: home }, identity: partner });
    expect(refused).toEqual({ code: 3, out: '', err: `${partner.tenantId}/${partner.objectId} may not link service: it needs the admin role\n` });
  });
});
