import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBcEmulator } from '../../sandbox/bc';
import { registerPayment, setDueDate } from '../../sandbox/bc/payments';
import { postInvoice } from '../../sandbox/bc/sales-invoices';
import { createGraphEmulator } from '../../sandbox/graph';
import { generateSandboxData, SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { clockFrom } from '../../service/domain/clock';
import type { Env } from '../../service/config/env-files';
import { runCli } from '../run-cli';

const TOKEN = 'cli-payments-test-token';
const NOW = new Date('2026-12-01T09:00:00.000Z');
const PERIOD = '2026-11-27..2026-11-30';

describe('npm run cli -- payments / setup set autoInvoice (against the emulators, SQLite)', () => {
  it('lists the invoices with their Business Central status and what is owed, the overdue ones apart, and sets the automatic schedule', async () => {
    const data = generateSandboxData({ seed: 5, now: NOW, scale: { customers: 20, staff: 2, daysBack: 6, daysAhead: 1 } });
    const clock = clockFrom(NOW);
    const graph = await createGraphEmulator(data.bookings, { token: TOKEN }, { now: clock }).listen('127.0.0.1', 0);
    const bcEmulator = createBcEmulator(data.bc, { token: TOKEN }, { now: clock });
    const bc = await bcEmulator.listen('127.0.0.1', 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-payments-test-'));
    const env: Env = {
      APP_ENV: 'cli-payments-integration-test',
      DATABASE_URL: path.join(dir, 'data', 'bookings.db'),
      GRAPH_BASE_URL: graph.baseUrl,
      BC_API_BASE_URL: bc.apiBaseUrl,
      BOOKINGS_BUSINESS_ID: SANDBOX_BUSINESS_ID,
      BC_COMPANY_ID: SANDBOX_COMPANY_ID,
      AUTH_MODE: 'static',
      STATIC_ACCESS_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
      SANDBOX_CLOCK_START: NOW.toISOString(),
    };
    const cli = async (argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, { env, rootDir: dir, io: { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, columns: 140 } });
      return { code, out, err };
    };
    try {
      expect((await cli(['sync'])).code).toBe(0);
      expect((await cli(['invoice', '--period', PERIOD, '--yes'])).code).toBe(0);
      const company = bcEmulator.state.company(SANDBOX_COMPANY_ID)!;
      const ours = company.salesInvoices.filter((i) => i.externalDocumentNumber.startsWith('BKI-'));
      expect(ours.length).toBeGreaterThanOrEqual(2);
      const [paid, late] = ours;
      postInvoice(bcEmulator.state, company, paid!, NOW);
      postInvoice(bcEmulator.state, company, late!, NOW);
      registerPayment(bcEmulator.state, paid!, undefined, NOW);
      setDueDate(bcEmulator.state, late!, '2026-11-20', NOW);
      expect((await cli(['sync'])).code).toBe(0);

      const listed = await cli(['payments']);
      expect(listed.code).toBe(0);
      const paidLine = listed.out.split('\n').find((l) => l.startsWith(paid!.number))!;
      expect(paidLine).toMatch(/\bpaid\b/);
      const lateLine = listed.out.split('\n').find((l) => l.startsWith(late!.number))!;
      expect(lateLine).toContain('OVERDUE');
      expect(lateLine).toContain('2026-11-20');
      expect(listed.out).toContain(`Showing ${ours.length} of ${ours.length} (as of 2026-12-01`);

      const overdue = JSON.parse((await cli(['payments', '--overdue', '--json'])).out) as {
        items: { number: string; state: string; payment: { remaining: { minor: number } } }[];
      };
      expect(overdue.items.map((i) => [i.number, i.state])).toEqual([[late!.number, 'overdue']]);
      expect(overdue.items[0]!.payment.remaining.minor).toBe(Math.round(late!.totalAmountIncludingTax * 100));

      const set = await cli(['setup', 'set', 'autoInvoice.enabled=true', 'autoInvoice.frequency=weekly', 'autoInvoice.day=friday', 'autoInvoice.time=05:30']);
      expect(set).toMatchObject({ code: 0, out: expect.stringContaining('autoInvoice') });
      const shown = await cli(['setup', 'show', '--json']);
      expect(JSON.parse(shown.out)).toMatchObject({ setup: { autoInvoice: { enabled: true, frequency: 'weekly', day: 'friday', time: '05:30' } } });
      const bad = await cli(['setup', 'set', 'autoInvoice.day=someday']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('autoInvoice.day');
    } finally {
      await Promise.all([graph.close(), bc.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
