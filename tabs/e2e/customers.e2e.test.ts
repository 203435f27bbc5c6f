import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { PaymentCustomersResponse, UnbilledResponse } from '../../contract/api-contract';
import { PROJECT_ROOT } from '../../service/config/config';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { until } from '../../service/testing/until';
import { browserTestsEnabled, launchChromium } from '../../server/testing/chromium';
import { startSandboxApp, type SandboxApp } from '../../server/testing/sandbox-app';
import { en } from '../src/i18n/messages-en';
import { horizontalOverflow, layoutProblems } from './layout-checks';
import { finishedRun, syncNow } from './sandbox-data';

/*
 * The History's customer view on a phone (400 px), in Chromium against the sandbox: an invoice
 * posted in Business Central and past its due date shows, after a sync, under "Overdue only" with
 * its customer by name, and opens to "Overdue since"; nothing runs off the page and axe finds nothing serious.
 */

const DIST_INDEX = path.join(PROJECT_ROOT, 'tabs', 'dist', 'index.html');
const BROWSER_TEST_TIMEOUT_MS = 180_000;
/** The README's screenshot of the view with SCREENSHOTS=update, else a temporary folder, so a test run leaves the work tree clean. */
const SCREENSHOTS =
  process.env['SCREENSHOTS'] === 'update' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'customers-screenshots-'));

(browserTestsEnabled('customer view') ? describe : describe.skip)('the customer view at 400 px in Chromium against the sandbox', () => {
  let app: SandboxApp;
  let browser: Browser;

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

  it(
    'lists the customer of an overdue invoice by name under Overdue only, and its invoice as overdue',
    async () => {
      const rows = ((await (await fetch(`${app.origin}/api/unbilled?state=invoiceable&limit=500`)).json()) as UnbilledResponse).rows;
      const row = rows.find((r) => r.customers.length === 1);
      if (!row) throw new Error('no invoiceable appointment with one customer');
      const started = await fetch(`${app.origin}/api/invoice-runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ selection: { kind: 'ids', appointmentIds: [row.id] } }),
      });
      const { runId } = (await started.json()) as { runId: string };
      const run = await finishedRun(app, runId);
      const invoice = run.invoices.find((i) => i.bcInvoiceId !== null);
      if (!invoice) throw new Error(`the run made no invoice: ${JSON.stringify(run)}`);

      // Someone posts it in Business Central, and it falls due long ago.
      const headers = { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' };
      const companies = (await (await fetch(`${app.bcApiBaseUrl}/companies`, { headers })).json()) as { value: Array<{ id: string }> };
      const posted = await fetch(`${app.bcApiBaseUrl}/companies(${companies.value[0]!.id})/salesInvoices(${invoice.bcInvoiceId})/Microsoft.NAV.post`, {
        method: 'POST',
        headers,
      });
      expect(posted.status).toBeLessThan(300);
      const due = await fetch(`${new URL(app.bcApiBaseUrl).origin}/_emulator/salesInvoices/${invoice.bcInvoiceId}/dueDate`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ dueDate: '2000-01-31' }),
      });
      expect(due.status).toBe(200);
      await syncNow(app);

      const context = await browser.newContext({ viewport: { width: 400, height: 800 }, locale: 'en-US' });
      await context.clock.install({ time: app.clock() });
      const page = await context.newPage();
      await page.goto(`${app.origin}/tab/history`);
      await page.getByRole('tab', { name: en.viewCustomers }).click();
      // The view keeps the list of every customer on screen (busy) until the overdue one is
      // in: its answer is waited for, then the list it gives.
      const overdueAnswer = page.waitForResponse(
        (r) => r.url().includes('/api/payments/customers?') && new URL(r.url()).searchParams.get('overdue') === 'true',
      );
      await page.getByRole('switch', { name: en.overdueOnly }).click();
      const overdue = (await (await overdueAnswer).json()) as PaymentCustomersResponse;
      const name = invoice.customer.name;
      expect(overdue.customers.map((c) => c.name)).toEqual([name]);
      const cards = page.getByRole('list', { name: en.customersTitle }).getByRole('listitem');
      const card = cards.filter({ hasText: name });
      await card.waitFor();
      await until(async () => (await cards.count()) === overdue.customers.length, 'the list to be the overdue one');
      expect(await card.textContent()).toContain('Jan 31, 2000');
      await until(async () => (await page.getByText(/^Loading…$/).count()) === 0, 'the page to finish loading');
      expect(await layoutProblems(page, 'main section, main li')).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

      await card.getByRole('button', { name: en.showInvoicesLabel(name) }).click();
      const invoices = page.getByRole('list', { name: en.customerInvoicesTitle(name) });
      await invoices.getByText(en.paymentOverdue('Jan 31, 2000')).waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'customers-phone-light.png'), fullPage: true });
      await context.close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
