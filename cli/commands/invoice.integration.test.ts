import { shortId } from '../short-id';
import { SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { clockFrom } from '../../service/domain/clock';
import { startCliFixture, type CliFixture } from '../testing/cli-fixture';
import { createAppServices } from '../../service/app/app-services';
import { createClients } from '../../service/clients/create-clients';
import { loadConfig } from '../../service/config/config';
import { silentLogger } from '../../service/logging/logger';
import { openStore, type AppStore } from '../../service/store';
import type { CliIo, CommandContext } from '../cli-context';
import { runCli } from '../run-cli';
import type { Confirm } from './confirm';
import { createInvoiceCommand } from './invoice';
import { formatWho } from '../format';
import type { Who } from '../../service/history';

interface Captured {
  code: number;
  out: string;
  err: string;
}

// A Tuesday: the period is the Friday before through the Monday, a weekend between, all ended.
const NOW = new Date('2026-12-01T09:00:00.000Z');
const PERIOD = '2026-11-27..2026-11-30';

describe('npm run cli -- invoice / runs / exclude (against the emulators, SQLite)', () => {
  let fixture: CliFixture;
  beforeEach(async () => {
    // Emulators and an empty SQLite database per test, so no test depends on another.
    fixture = await startCliFixture({ name: 'invoice', now: NOW, seed: 5, daysBack: 6, daysAhead: 1 });
  });
  afterEach(() => fixture.close());

  const capture = (): { io: CliIo; result: () => { out: string; err: string } } => {
    let out = '';
    let err = '';
    return { io: { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, columns: 120 }, result: () => ({ out, err }) };
  };
  const cli = async (argv: string[]): Promise<Captured> => {
    const c = capture();
    const code = await runCli(argv, { env: fixture.env, rootDir: fixture.dir, io: c.io });
    return { code, ...c.result() };
  };
  /** The invoice command with a scripted answer in place of the terminal. */
  const invoiceWith = async (confirm: Confirm, argv: string[]): Promise<Captured> => {
    const c = capture();
    const config = loadConfig(fixture.env, fixture.dir);
    let store: Promise<AppStore> | undefined;
    const now = clockFrom(NOW);
    const ctx: CommandContext = {
      io: c.io,
      config,
      logger: silentLogger,
      services: async () =>
        createAppServices({
          config,
          logger: silentLogger,
          store: await (store ??= openStore(config.store)),
          clients: createClients(config, silentLogger),
          clock: now,
        }),
      signal: new AbortController().signal,
      now,
    };
    try {
      const code = await createInvoiceCommand(confirm).run(argv, ctx);
      return { code, ...c.result() };
    } finally {
      if (store) await (await store).close();
    }
  };
  const bcInvoices = () => fixture.bcEmulator.state.company(SANDBOX_COMPANY_ID)!.salesInvoices.filter((i) => i.externalDocumentNumber.startsWith('BKI-'));

  it('previews without creating, refuses without a terminal, asks, and creates each invoice once', async () => {
    expect((await cli(['sync'])).code).toBe(0);

    const dry = await cli(['invoice', '--period', PERIOD, '--dry-run']);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^\d+ appointments? → \d+ invoices?, \d+ customers?, \d+ lines?, DKK [\d,.]+ \(times in Europe\/Copenhagen\)\.$/m);
    expect(dry.out).toMatch(/^Not invoiceable: \d+ appointments?$/m);
    expect(dry.out).toMatch(/^Dry run: nothing was created\.$/m);
    expect(bcInvoices()).toHaveLength(0);

    const refused = await invoiceWith(async () => 'no-terminal', ['--period', PERIOD]);
    expect(refused).toMatchObject({ code: 2, err: 'Not creating invoices without confirmation: run on a terminal to be asked, or add --yes\n' });
    const declined = await invoiceWith(async () => false, ['--period', PERIOD]);
    expect(declined.code).toBe(0);
    expect(declined.out).toMatch(/Nothing was created\.\n$/);
    expect(bcInvoices()).toHaveLength(0);

    const questions: string[] = [];
    const created = await invoiceWith(async (q) => (questions.push(q), true), ['--period', PERIOD]);
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect(created.out).not.toMatch(/^FAILED/m);
    expect(questions).toEqual([
      expect.stringMatching(/^Create draft invoices in Business Central \(\d+ appointments? → \d+ invoices?, \d+ customers?\)\? \[y\/N\] $/),
    ]);
    const invoices = bcInvoices();
    expect(invoices.length).toBeGreaterThan(0);
    for (const invoice of invoices) {
      expect(created.out).toContain(`${invoice.number}  `);
      expect(invoice.customerNumber).not.toBe('');
      expect(invoice.salesInvoiceLines.length).toBeGreaterThan(0);
    }
    expect(created.out).toMatch(
      new RegExp(`^Created: \\d+ appointments? → ${invoices.length} invoices?, \\d+ customers? \\(DKK [\\d,.]+\\) \\(run [0-9a-f-]{36}\\)\\.$`, 'm'),
    );

    // Nothing is invoiced twice.
    const again = await cli(['invoice', '--period', PERIOD, '--yes']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Nothing to invoice\.$/m);
    expect(bcInvoices()).toHaveLength(invoices.length);
  });

  /** Synced and invoiced once, as a user would before looking at runs. */
  const invoicedOnce = async (): Promise<void> => {
    expect((await cli(['sync'])).code).toBe(0);
    expect((await cli(['invoice', '--period', PERIOD, '--yes'])).code).toBe(0);
  };

  it('lists runs and shows one with its invoice numbers', async () => {
    await invoicedOnce();
    const listed = await cli(['runs']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^Started\s+Source\s+By\s+State\s+Invoices\s+Failed\s+Total\s+Run$/m);
    expect(listed.out).toMatch(/^Showing \d+ of \d+ /m);
    const page = JSON.parse((await cli(['runs', '--json', '--source', 'cli'])).out) as {
      runs: { id: string; state: string; counts: { created: number }; who: Who; requestedBy: string }[];
      total: number;
    };
    const first = page.runs.at(-1)!;
    expect(first).toMatchObject({ state: 'succeeded', counts: { created: bcInvoices().length } });
    const shown = await cli(['runs', 'show', first.id]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^Run [0-9a-f-]{36}: succeeded$/m);
    // Who asked for it as the listing names them, never the stored actor id.
    expect(shown.out).toContain(`Requested by ${formatWho(first.who)} from cli at `);
    expect(formatWho(first.who)).not.toContain(first.requestedBy);
    expect(shown.out).toContain(bcInvoices()[0]!.number);
    expect(await cli(['runs', 'show', 'no-such-run'])).toMatchObject({ code: 1, err: expect.stringMatching(/^No invoice run "no-such-run"/) });
  });

  it('excludes and includes an appointment, refusing an invoiced one', async () => {
    await invoicedOnce();
    const rows = JSON.parse((await cli(['unbilled', '--json', '--limit', '1'])).out) as { rows: { id: string }[] };
    const id = rows.rows[0]!.id;
    const short = shortId(id);
    // The table shows the short id that exclude and include take.
    expect((await cli(['unbilled', '--limit', '1'])).out).toMatch(new RegExp(`^${short} `, 'm'));
    expect(await cli(['exclude', short, '--reason', 'paid in cash'])).toMatchObject({
      code: 0,
      out: `Excluded ${short}: it is no longer listed as unbilled (undo: include ${short})\n`,
    });
    expect(await cli(['exclude', id])).toMatchObject({ code: 1, err: 'The appointment is marked as invoiced already (excluded)\n' });
    expect((await cli(['unbilled', '--state', 'excluded'])).out).toMatch(new RegExp(`^${short} `, 'm'));
    expect(await cli(['include', short.slice(0, 6)])).toMatchObject({ code: 0, out: `Included ${short}: it is unbilled again\n` });
    expect(await cli(['include', 'ffffffffff'])).toMatchObject({ code: 1, err: expect.stringMatching(/^No appointment "ffffffffff" in this business/) });
    const firstRun = (JSON.parse((await cli(['runs', '--json'])).out) as { runs: { id: string }[] }).runs.at(-1)!;
    const run = JSON.parse((await cli(['runs', 'show', firstRun.id, '--json'])).out) as { invoices: { status: string; appointmentIds: string[] }[] };
    const invoicedId = run.invoices.find((i) => i.status === 'verified')!.appointmentIds[0]!;
    expect(await cli(['exclude', invoicedId])).toMatchObject({ code: 1, err: 'The appointment is invoiced already (invoiced)\n' });
    expect(await cli(['exclude'])).toMatchObject({ code: 2 });
  });

  it("--send posts and emails each invoice once (asking so first), showing the posted number beside the draft's; --post with --send is refused", async () => {
    expect((await cli(['sync'])).code).toBe(0);
    expect(await cli(['invoice', '--period', PERIOD, '--post', '--send', '--yes'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Use either --post or --send/),
    });
    const questions: string[] = [];
    const sent = await invoiceWith(async (q) => (questions.push(q), true), ['--period', PERIOD, '--send']);
    expect(sent.err).toBe('');
    expect(sent.code).toBe(0);
    expect(questions).toEqual([expect.stringMatching(/^Create, POST and EMAIL invoices/)]);
    const invoices = bcInvoices();
    expect(invoices.length).toBeGreaterThan(0);
    const outbox = fixture.bcEmulator.state.company(SANDBOX_COMPANY_ID)!.outbox ?? [];
    expect(outbox.map((m) => m.invoiceId).sort()).toEqual(invoices.map((i) => i.id).sort());
    for (const invoice of invoices) {
      expect(invoice.status).toBe('Open');
      expect(sent.out).toMatch(new RegExp(`^${invoice.number}  posted and sent, draft 102\\d{3}  `, 'm'));
    }
  });

  it('answers a wrong period or missing --period with a usage error', async () => {
    expect(await cli(['invoice', '--period', 'fortnight'])).toMatchObject({ code: 2, err: expect.stringMatching(/^Not a period: "fortnight"/) });
    expect(await cli(['invoice'])).toMatchObject({ code: 2, err: expect.stringMatching(/^--period is required/) });
  });
});
