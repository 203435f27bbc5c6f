import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../service/config/config';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { browserTestsEnabled, launchChromium } from '../../server/testing/chromium';
import { startSandboxApp, type SandboxApp } from '../../server/testing/sandbox-app';
import { en } from '../src/i18n/messages-en';
import { bcInvoices, syncNow } from './sandbox-data';
import { until } from '../../service/testing/until';

/*
 * Issue 13.4 in Chromium against the sandbox: a service the sync would not link (a same-named item
 * exists) and a customer without an email are each linked from the Unbilled page, each makes its row
 * invoiceable, and invoicing that row works (preview → create → the draft in Business Central).
 */

const DIST_INDEX = path.join(PROJECT_ROOT, 'tabs', 'dist', 'index.html');
const NOW = DEFAULT_TEST_NOW;
const BROWSER_TEST_TIMEOUT_MS = 120_000;
const CONFLICTED = 'Fysioterapi, opfølgning';
const NO_EMAIL = 'Inge Nielsen';

(browserTestsEnabled('tab') ? describe : describe.skip)('linking what blocks an invoice, in Chromium against the sandbox', () => {
  let app: SandboxApp;
  let browser: Browser;

  const open = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await context.clock.install({ time: app.clock() });
    const page = await context.newPage();
    await page.goto(`${app.origin}/tab/unbilled`);
    await page.getByRole('grid', { name: en.gridLabel }).waitFor();
    return page;
  };

  /** Shows the rows a reason holds back, of one customer when given. */
  const showBlocked = async (page: Page, reason: string, customer = '') => {
    await page.getByLabel(en.filterShow).selectOption({ label: en.showChoices['not-invoiceable'] });
    await page.getByLabel(en.filterReason).selectOption({ label: reason });
    await page.getByRole('textbox', { name: en.filterCustomer }).fill(customer);
  };

  /** Ready rows of one customer; ticks the first that `has` matches, then preview → create; the invoice numbers. */
  const invoiceOne = async (page: Page, customer: string, hasText: string): Promise<string[]> => {
    // The blocked view stays on screen (busy) until the ready rows arrive: tick only in the new list.
    const listed = page.waitForResponse((r) => {
      const query = new URL(r.url()).searchParams;
      return r.url().includes('/api/unbilled?') && query.get('state') === 'invoiceable' && (query.get('customer') ?? '') === customer;
    });
    await page.getByLabel(en.filterShow).selectOption({ label: en.showChoices.invoiceable });
    await page.getByRole('textbox', { name: en.filterCustomer }).fill(customer);
    await listed;
    const grid = page.getByRole('grid', { name: en.gridLabel });
    await page.locator('[aria-busy="false"]').filter({ has: grid }).waitFor();
    const rows = grid
      .getByRole('row')
      .filter({ hasText })
      .filter({ has: page.getByRole('checkbox') });
    await rows.first().waitFor();
    await rows.first().getByRole('checkbox').check();
    await page
      .getByText(/Selected: 1 ·/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: en.invoiceSelected }).click();
    const dialog = page.getByRole('dialog', { name: en.previewTitle });
    // The preview says what it would make before the confirm counts: on a failure, what it said instead.
    await dialog
      .getByText(en.previewInvoices('1', '1', '1'))
      .waitFor({ timeout: BROWSER_TEST_TIMEOUT_MS })
      .catch(async (e: unknown) => {
        throw new Error(`The preview did not offer one invoice; it said: ${await dialog.innerText()}`, { cause: e });
      });
    await dialog.getByRole('button', { name: en.previewConfirm }).click();
    const result = page.getByRole('region', { name: en.runTitle });
    await result
      .getByRole('status')
      .filter({ hasText: /^Done:/ })
      .waitFor({ timeout: BROWSER_TEST_TIMEOUT_MS });
    return [...(await result.innerText()).matchAll(/Invoice (\S+)/g)].map((m) => m[1] ?? '');
  };

  beforeAll(async () => {
    if (!fs.existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: build the tab first with \`npm run build:tab\` (npm test does).`);
    app = await startSandboxApp({ now: NOW });
    await syncNow(app);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it(
    'links a service to the same-named Business Central item, and its row invoices',
    async () => {
      const page = await open();
      await showBlocked(page, en.reasons['service-not-linked']);
      const button = page.getByRole('button', { name: en.linkServiceButton(CONFLICTED) }).first();
      await button.click();
      const dialog = page.getByRole('dialog', { name: en.linkServiceTitle(CONFLICTED) });
      await dialog.getByText(en.linkConflict('1000', CONFLICTED)).waitFor();
      await dialog.getByRole('radio', { name: new RegExp(`^1000 · ${CONFLICTED}`) }).waitFor();
      // The picker as the grid's accessibility test checks the page: nothing serious or critical.
      const results = await new AxeBuilder({ page }).include('[role="dialog"]').exclude('[data-tabster-dummy]').analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await dialog.getByRole('radio', { name: new RegExp(`^1000 · ${CONFLICTED}`) }).check();
      await dialog.getByRole('button', { name: en.linkConfirm }).click();
      await page
        .locator('.fui-ToastTitle')
        .getByText(en.serviceLinked(CONFLICTED, '1000', CONFLICTED))
        .waitFor();
      await until(
        async () => (await page.getByRole('button', { name: en.linkServiceButton(CONFLICTED) }).count()) === 0,
        'the service’s rows to leave the blocked list',
      );

      const numbers = await invoiceOne(page, '', CONFLICTED);
      expect(numbers).toHaveLength(1);
      expect((await bcInvoices(app)).some((i) => i.number === numbers[0])).toBe(true);
      await page.context().close();
    },
    3 * BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'links a customer without an email to a Business Central customer, and their row invoices to that customer',
    async () => {
      const page = await open();
      await showBlocked(page, en.reasons['customer-without-email'], NO_EMAIL);
      await page
        .getByRole('button', { name: en.linkCustomerButton(NO_EMAIL) })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: en.linkCustomerTitle(NO_EMAIL) });
      await dialog.getByRole('searchbox').fill('Søren');
      const choice = dialog.getByRole('radio', { name: /Søren Østergård/ });
      await choice.waitFor();
      await choice.check();
      await dialog.getByRole('button', { name: en.linkConfirm }).click();
      await page
        .locator('.fui-ToastTitle')
        .getByText(/^Inge Nielsen is linked to customer \S+ Søren Østergård\.$/)
        .waitFor();

      const numbers = await invoiceOne(page, NO_EMAIL, NO_EMAIL);
      expect(numbers).toHaveLength(1);
      const invoice = (await bcInvoices(app)).find((i) => i.number === numbers[0]);
      expect(invoice?.customerName).toBe('Søren Østergård');
      await page.context().close();
    },
    3 * BROWSER_TEST_TIMEOUT_MS,
  );
});
