import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBcEmulator, type BcEmulator, type BcListening } from '../../../sandbox/bc';
import { createGraphEmulator, type ListeningGraphEmulator } from '../../../sandbox/graph';
import { generateSandboxData, SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID } from '../../../sandbox/seed';
import { createClients } from '../../clients/create-clients';
import { loadConfig } from '../../config/config';
import type { Env } from '../../config/env-files';
import { silentLogger } from '../../logging/logger';
import { openStore, type AppStore } from '../../store';
import type { CliIo, CommandContext } from '../cli-context';
import { runCli } from '../run-cli';
import type { Confirm } from './confirm';
import { createInvoiceCommand } from './invoice';

const TOKEN = 'cli-invoice-test-token';

interface Captured {
  code: number;
  out: string;
  err: string;
}

/** The day before yesterday through yesterday, UTC dates: in the past, inside the seeded span, small. */
function recentDays(now: Date): string {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return `${day(-3)}..${day(-1)}`;
}

describe('npm run cli -- invoice / runs / exclude (against the emulators, SQLite)', () => {
  let graph: ListeningGraphEmulator;
  let bcEmulator: BcEmulator;
  let bc: BcListening;
  let dir: string;
  let env: Env;
  const period = recentDays(new Date());

  beforeAll(async () => {
    const data = generateSandboxData({ seed: 5, scale: { customers: 20, staff: 2, daysBack: 6, daysAhead: 1 } });
    graph = await createGraphEmulator(data.bookings, { token: TOKEN }).listen('127.0.0.1', 0);
    bcEmulator = createBcEmulator(data.bc, { token: TOKEN });
    bc = await bcEmulator.listen('127.0.0.1', 0);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-invoice-test-'));
    env = {
      APP_ENV: 'cli-invoice-integration-test',
      DATABASE_URL: path.join(dir, 'data', 'bookings.db'),
      GRAPH_BASE_URL: graph.baseUrl,
      BC_API_BASE_URL: bc.apiBaseUrl,
      BOOKINGS_BUSINESS_ID: SANDBOX_BUSINESS_ID,
      BC_COMPANY_ID: SANDBOX_COMPANY_ID,
      AUTH_MODE: 'static',
      STATIC_ACCESS_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
    };
  });
  afterAll(async () => {
    await Promise.all([graph.close(), bc.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const capture = (): { io: CliIo; result: () => { out: string; err: string } } => {
    let out = '';
    let err = '';
    return { io: { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, columns: 120 }, result: () => ({ out, err }) };
  };
  const cli = async (argv: string[]): Promise<Captured> => {
    const c = capture();
    const code = await runCli(argv, { env, rootDir: dir, io: c.io });
    return { code, ...c.result() };
  };
  /** The invoice command with a scripted answer in place of the terminal. */
  const invoiceWith = async (confirm: Confirm, argv: string[]): Promise<Captured> => {
    const c = capture();
    const config = loadConfig(env, dir);
    let store: Promise<AppStore> | undefined;
    const ctx: CommandContext = {
      io: c.io,
      config,
      logger: silentLogger,
      store: () => (store ??= openStore(config.store)),
      clients: () => createClients(config, silentLogger),
      signal: new AbortController().signal,
      now: () => new Date(),
    };
    try {
      const code = await createInvoiceCommand(confirm).run(argv, ctx);
      return { code, ...c.result() };
    } finally {
      if (store) await (await store).close();
    }
  };
  const bcInvoices = () => bcEmulator.state.company(SANDBOX_COMPANY_ID)!.salesInvoices.filter((i) => i.externalDocumentNumber.startsWith('BKI-'));

  it('previews without creating, refuses without a terminal, asks, and creates each invoice once', async () => {
    expect((await cli(['sync'])).code).toBe(0);

    const dry = await cli(['invoice', '--period', period, '--dry-run']);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^\d+ appointments? → \d+ invoices?, \d+ customers?, \d+ lines?, DKK [\d.]+ \(times in Europe\/Copenhagen\)\.$/m);
    expect(dry.out).toMatch(/^Not invoiceable: \d+ appointments?$/m);
    expect(dry.out).toMatch(/^Dry run: nothing was created\.$/m);
    expect(bcInvoices()).toHaveLength(0);

    const refused = await invoiceWith(async () => 'no-terminal', ['--period', period]);
    expect(refused).toMatchObject({ code: 2, err: 'Not creating invoices without confirmation: run on a terminal to be asked, or add --yes\n' });
    const declined = await invoiceWith(async () => false, ['--period', period]);
    expect(declined.code).toBe(0);
    expect(declined.out).toMatch(/Nothing was created\.\n$/);
    expect(bcInvoices()).toHaveLength(0);

    const questions: string[] = [];
    const created = await invoiceWith(async (q) => (questions.push(q), true), ['--period', period]);
    expect(created.err).toBe('');
    // The seed has customers Business Central refuses (e.g. an email over 80 characters): their invoices fail alone, exit code 1.
    const failures = created.out.match(/^FAILED  .+  DKK [\d.]+  .+$/gm) ?? [];
    expect(created.code).toBe(failures.length > 0 ? 1 : 0);
    expect(questions).toEqual([expect.stringMatching(/^Create draft invoices in Business Central \(\d+ appointments? → \d+ invoices?, \d+ customers?\)\? \[y\/N\] $/)]);
    const invoices = bcInvoices();
    expect(invoices.length).toBeGreaterThan(0);
    for (const invoice of invoices) {
      expect(created.out).toContain(`${invoice.number}  `);
      expect(invoice.customerNumber).not.toBe('');
      expect(invoice.salesInvoiceLines.length).toBeGreaterThan(0);
    }
    expect(created.out).toMatch(
      new RegExp(`^Created: \\d+ appointments? → ${invoices.length} invoices?, \\d+ customers? \\(DKK [\\d.]+\\)${failures.length > 0 ? `; ${failures.length} invoices? failed` : ''} \\(run [0-9a-f-]{36}\\)\\.$`, 'm'),
    );

    // What failed is unbilled again and fails again; nothing else is invoiced twice.
    const again = await cli(['invoice', '--period', period, '--yes']);
    expect(again.code).toBe(failures.length > 0 ? 1 : 0);
    if (failures.length === 0) expect(again.out).toMatch(/^Nothing to invoice\.$/m);
    expect(bcInvoices()).toHaveLength(invoices.length);
  });

  it('lists runs and shows one with its invoice numbers', async () => {
    const listed = await cli(['runs']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^Started\s+Source\s+By\s+State\s+Invoices\s+Failed\s+Total\s+Run$/m);
    expect(listed.out).toMatch(/^Showing \d+ of \d+ /m);
    const page = JSON.parse((await cli(['runs', '--json', '--source', 'cli'])).out) as { runs: { id: string; state: string; counts: { created: number } }[]; total: number };
    const first = page.runs.at(-1)!;
    expect(first).toMatchObject({ state: expect.stringMatching(/^(succeeded|partial)$/), counts: { created: bcInvoices().length } });
    const shown = await cli(['runs', 'show', first.id]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^Run [0-9a-f-]{36}: (succeeded|partial)$/m);
    expect(shown.out).toContain(bcInvoices()[0]!.number);
    expect(await cli(['runs', 'show', 'no-such-run'])).toMatchObject({ code: 1, err: expect.stringMatching(/^No invoice run "no-such-run"/) });
  });

  it('excludes and includes an appointment, refusing an invoiced one', async () => {
    const rows = JSON.parse((await cli(['unbilled', '--json', '--limit', '1'])).out) as { rows: { id: string }[] };
    const id = rows.rows[0]!.id;
    expect(await cli(['exclude', id, '--reason', 'paid in cash'])).toMatchObject({ code: 0, out: `Excluded ${id}: it is no longer listed as unbilled\n` });
    expect(await cli(['exclude', id])).toMatchObject({ code: 1, err: 'The appointment is marked as invoiced already (excluded)\n' });
    expect(await cli(['include', id])).toMatchObject({ code: 0, out: `Included ${id}: it is unbilled again\n` });
    const firstRun = (JSON.parse((await cli(['runs', '--json'])).out) as { runs: { id: string }[] }).runs.at(-1)!;
    const run = JSON.parse((await cli(['runs', 'show', firstRun.id, '--json'])).out) as { invoices: { status: string; appointmentIds: string[] }[] };
    const invoicedId = run.invoices.find((i) => i.status === 'verified')!.appointmentIds[0]!;
    expect(await cli(['exclude', invoicedId])).toMatchObject({ code: 1, err: 'The appointment is invoiced already (invoiced)\n' });
    expect(await cli(['exclude'])).toMatchObject({ code: 2 });
  });

  it('answers a wrong period or missing --period with a usage error', async () => {
    expect(await cli(['invoice', '--period', 'fortnight'])).toMatchObject({ code: 2, err: expect.stringMatching(/^Not a period: "fortnight"/) });
    expect(await cli(['invoice'])).toMatchObject({ code: 2, err: expect.stringMatching(/^--period is required/) });
  });
});
