import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { loadEnv } from '../../service/config/env-files';
import { PROJECT_ROOT } from '../../service/config/config';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { until } from '../../service/testing/until';
import { browserTestsEnabled, launchChromium } from '../../server/testing/chromium';
import { startSandboxApp, type SandboxApp } from '../../server/testing/sandbox-app';
import type { UnbilledResponse, UnbilledRow } from '../../contract/api-contract';
import { en } from '../src/i18n/messages-en';
import { bcInvoices, finishedRun, syncNow } from './sandbox-data';

/*
 * The History as a bookkeeper acts on it, in Chromium against `npm start` in the sandbox: a run
 * that failed for a customer blocked in Business Central is opened, exported and retried; the
 * Unbilled list is exported with a name a spreadsheet would otherwise run as a formula.
 */

const DIST_INDEX = path.join(PROJECT_ROOT, 'tabs', 'dist', 'index.html');
const BOM = [0xef, 0xbb, 0xbf];
const FORMULA_NAME = '=SUM(1+1)';

interface BcCustomer {
  id: string;
  number: string;
  email: string;
  blocked: string;
  '@odata.etag': string;
}

(browserTestsEnabled('history') ? describe : describe.skip)('the History in Chromium against the sandbox', () => {
  let app: SandboxApp;
  let browser: Browser;
  const bcHeaders = () => ({ authorization: `Bearer ${app.token}` });

  async function bcCompany(): Promise<string> {
    const companies = (await (await fetch(`${app.bcApiBaseUrl}/companies`, { headers: bcHeaders() })).json()) as { value: Array<{ id: string }> };
    return companies.value[0]!.id;
  }

  async function bcCustomers(): Promise<BcCustomer[]> {
    const all: BcCustomer[] = [];
    let url: string | undefined = `${app.bcApiBaseUrl}/companies(${await bcCompany()})/customers`;
    while (url) {
      const page = (await (await fetch(url, { headers: bcHeaders() })).json()) as { value: BcCustomer[]; '@odata.nextLink'?: string };
      all.push(...page.value);
      url = page['@odata.nextLink'];
    }
    return all;
  }

  /** Someone blocks (or unblocks) the customer in Business Central. */
  async function setBlocked(customer: BcCustomer, blocked: 'All' | ' '): Promise<void> {
    const current = (await bcCustomers()).find((c) => c.id === customer.id)!;
    const res = await fetch(`${app.bcApiBaseUrl}/companies(${await bcCompany()})/customers(${customer.id})`, {
      method: 'PATCH',
      headers: { ...bcHeaders(), 'content-type': 'application/json', 'if-match': current['@odata.etag'] },
      body: JSON.stringify({ blocked }),
    });
    expect(res.status).toBeLessThan(300);
  }

  async function invoiceable(): Promise<UnbilledRow[]> {
    const res = await fetch(`${app.origin}/api/unbilled?state=invoiceable&limit=500`);
    return ((await res.json()) as UnbilledResponse).rows;
  }

  async function fileText(download: Download): Promise<Buffer> {
    return fs.readFileSync(await download.path());
  }

  async function open(name: 'history' | 'unbilled'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
    await context.clock.install({ time: app.clock() });
    const page = await context.newPage();
    await page.goto(`${app.origin}/tab/${name}`);
    return page;
  }

  beforeAll(async () => {
    if (!fs.existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: build the tab first with \`npm run build:tab\` (npm test does).`);
    app = await startSandboxApp({ now: DEFAULT_TEST_NOW });
    await syncNow(app);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('opens a run, shows its failed invoice with the reason, exports it, and Retry creates the invoice once', async () => {
    // Two appointments of two customers Business Central knows; the first customer is blocked there.
    const customers = await bcCustomers();
    const known = (row: UnbilledRow) => customers.find((c) => c.email.toLowerCase() === row.customers[0]?.email.toLowerCase());
    const picked: UnbilledRow[] = [];
    for (const row of await invoiceable()) {
      if (row.customers.length === 1 && known(row) && !picked.some((p) => known(p)!.id === known(row)!.id)) picked.push(row);
      if (picked.length === 2) break;
    }
    const [failing, passing] = picked as [UnbilledRow, UnbilledRow];
    const blocked = known(failing)!;
    await setBlocked(blocked, 'All');
    const started = await fetch(`${app.origin}/api/invoice-runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ selection: { kind: 'ids', appointmentIds: [failing.id, passing.id] } }),
    });
    const { runId } = (await started.json()) as { runId: string };
    const run = await finishedRun(app, runId);
    expect(run.state).toBe('partial');
    // Unblocked again; the run had learnt the block, and a sync sees it lifted.
    await setBlocked(blocked, ' ');
    await syncNow(app);

    const page = await open('history');
    await page
      .getByRole('button', { name: /^Open the invoice run of/ })
      .first()
      .click();
    const table = page.getByRole('table', { name: en.runInvoicesTitle });
    await table.waitFor();
    const failedRow = table.getByRole('row').filter({ hasText: failing.customers[0]!.name });
    await failedRow.getByText(en.noInvoiceNumber).waitFor();
    expect(await failedRow.innerText()).toContain(`Customer ${blocked.number} is blocked`);
    const passingRow = table.getByRole('row').filter({ hasText: passing.customers[0]!.name });
    const number = run.invoices.find((i) => i.status !== 'failed')!.number!;
    await passingRow.getByRole('link', { name: en.openInBc(number) }).waitFor();
    // As tab.e2e: Fluent's focus-trap stand-ins are not content.
    const axe = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    expect(axe.violations.map((v) => `${v.impact ?? ''} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export Invoice run of .* as CSV$/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await fileText(download);
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Invoice number,Status,Customer,Customer email,Customer number,Invoice date,Amount,Currency,Problem,Link');
    expect(lines.find((l) => l.startsWith(`${number},`))).toContain(passing.customers[0]!.name);

    await page.getByRole('button', { name: en.retryFailed }).click();
    await page.getByText(en.retryDone('1', '0')).waitFor({ timeout: 60_000 });
    const ofBlocked = (await bcInvoices(app)).filter((i) => i.customerNumber === blocked.number);
    expect(ofBlocked).toHaveLength(1);
    // The retry opens: its one invoice, created.
    await page.getByRole('table', { name: en.runInvoicesTitle }).getByRole('row').filter({ hasText: failing.customers[0]!.name }).getByRole('link').waitFor();
    await page.context().close();
  }, 180_000);

  it('exports the Unbilled list of the current filter, with a name that would be a formula made inert', async () => {
    const row = (await invoiceable()).find((r) => r.customers.length === 1)!;
    const businessId = loadEnv({}, PROJECT_ROOT)['BOOKINGS_BUSINESS_ID']!;
    const patched = await fetch(
      `${app.graphBaseUrl}/solutions/bookingBusinesses/${encodeURIComponent(businessId)}/appointments/${encodeURIComponent(row.id)}`,
      {
        method: 'PATCH',
        headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ customers: [{ customerId: row.customers[0]!.customerId, name: FORMULA_NAME }] }),
      },
    );
    expect(patched.status).toBe(204);
    await syncNow(app);

    const page = await open('unbilled');
    await page.getByRole('grid', { name: en.gridLabel }).waitFor();
    await page.getByRole('searchbox', { name: en.filterSearch }).fill(FORMULA_NAME);
    // The search applies after a typing pause: wait until the grid shows that appointment alone.
    const grid = page.getByRole('grid', { name: en.gridLabel });
    const rows = grid.getByRole('row').filter({ has: page.getByRole('checkbox', { name: /^Select (?!all)/ }) });
    await until(
      async () => (await rows.count()) === 1 && (await grid.getByRole('gridcell', { name: FORMULA_NAME, exact: true }).count()) === 1,
      'the grid shows the appointment alone',
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export ${en.unbilledTitle} as CSV` }).click()]);
    const bytes = await fileText(download);
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const lines = bytes
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    expect(lines[0]).toBe('Start,End,Minutes,Customers,Emails,Service,Staff,Price type,Unit price,Amount,Currency,State,Reason');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,'${FORMULA_NAME},`);
    expect(lines[1]).toContain(row.serviceName);
    await page.context().close();
  }, 180_000);
});
