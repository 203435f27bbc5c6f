import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../service/config/config';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { browserTestsEnabled, launchChromium } from '../../server/testing/chromium';
import { startSandboxApp, type SandboxApp } from '../../server/testing/sandbox-app';
import { da } from '../src/i18n/messages-da';
import { en } from '../src/i18n/messages-en';
import { bcInvoices, customerWithAppointments, type CustomerPick, invoiceableCount, syncNow } from './sandbox-data';

/*
 * The tab as a person meets it: `npm start` in the sandbox, the built tab in Debian's Chromium.
 * Also takes a screenshot of each page and theme: into docs/screenshots/ (the README's) when run with
 * SCREENSHOTS=update, else into a temporary folder, so a test run leaves the work tree clean.
 */

const DIST_INDEX = path.join(PROJECT_ROOT, 'tabs', 'dist', 'index.html');
const SCREENSHOTS =
  process.env['SCREENSHOTS'] === 'update' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'tab-screenshots-'));
const VIEWPORT = { width: 1280, height: 800 };
/** The server runs as of this instant, and every page's browser clock starts with the server's. */
const NOW = DEFAULT_TEST_NOW;
/** Guards, not performance criteria: a browser on a loaded machine is slow, a hang still fails. */
const BROWSER_TEST_TIMEOUT_MS = 120_000;
/** The Unbilled grid's page size. */
const PAGE_SIZE = 50;

type PageName = 'unbilled' | 'setup' | 'history';
const PAGES: PageName[] = ['unbilled', 'setup', 'history'];
const THEMES = ['light', 'dark'] as const;

/** Waits until the page shows its data rather than a spinner. */
async function waitUntilLoaded(page: Page, name: PageName): Promise<void> {
  if (name === 'unbilled') await page.getByRole('grid', { name: en.gridLabel }).waitFor();
  if (name === 'setup') {
    await page.getByRole('button', { name: en.setupSave }).waitFor();
    await page.locator('.ac-adaptiveCard').first().waitFor();
  }
  if (name === 'history') await page.getByRole('heading', { name: en.auditTitle }).waitFor();
  await until(async () => (await page.getByText(/^(Loading…|Indlæser…)$/).count()) === 0, 'the page to finish loading');
  await page.evaluate(() => document.fonts.ready);
}

/** Waits for a condition; the timeout is a guard against a hang (elapsed time, not the date), generous for a loaded machine. */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

(browserTestsEnabled('tab') ? describe : describe.skip)('the tab in Chromium against the sandbox', () => {
  let app: SandboxApp;
  let browser: Browser;
  let customer: CustomerPick;

  const open = async (name: PageName, options: BrowserContextOptions = {}, query = ''): Promise<Page> => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', ...options });
    // The tab's "today" (Setup's card preview covers yesterday) is the server's, not the machine's; time flows on from there.
    await context.clock.install({ time: app.clock() });
    const page = await context.newPage();
    await page.goto(`${app.origin}/tab/${name}${query}`);
    return page;
  };

  beforeAll(async () => {
    if (!fs.existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: build the tab first with \`npm run build:tab\` (npm test does).`);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startSandboxApp({ now: NOW });
    await syncNow(app);
    customer = await customerWithAppointments(app, 3);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it(
    'filters to a customer, invoices three appointments, and the invoice is in Business Central',
    async () => {
      const page = await open('unbilled');
      await waitUntilLoaded(page, 'unbilled');

      await page.getByRole('textbox', { name: en.filterCustomer }).fill(customer.email);
      const grid = page.getByRole('grid', { name: en.gridLabel });
      const rows = grid.getByRole('row').filter({ has: page.getByRole('checkbox', { name: /^Select (?!all)/ }) });
      // The filter applies after a typing pause: wait until the grid shows what the API finds for it.
      const expected = Math.min(await invoiceableCount(app, customer.email), PAGE_SIZE);
      await until(
        async () => (await rows.count()) === expected && (await rows.allInnerTexts()).every((text) => text.includes(customer.name)),
        'the grid to show only the customer',
      );
      // Group appointments with this customer among others show too: tick three of the customer's own.
      const own = rows.filter({ has: page.getByRole('gridcell', { name: customer.name, exact: true }) });
      expect(await own.count()).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < 3; i++) await own.nth(i).getByRole('checkbox').check();
      await page
        .getByText(/Selected: 3 ·/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: en.invoiceSelected }).click();

      const dialog = page.getByRole('dialog', { name: en.previewTitle });
      await dialog.getByRole('cell', { name: customer.name }).first().waitFor();
      await dialog.getByRole('button', { name: en.previewConfirm }).click();

      const result = page.getByRole('region', { name: en.runTitle });
      await result
        .getByRole('status')
        .filter({ hasText: /^Done:/ })
        .waitFor({ timeout: BROWSER_TEST_TIMEOUT_MS });
      const numbers = [...(await result.innerText()).matchAll(/Invoice (\S+)/g)].map((m) => m[1] ?? '');
      expect(numbers.length).toBeGreaterThan(0);

      const inBusinessCentral = await bcInvoices(app);
      for (const number of numbers) {
        const invoice = inBusinessCentral.find((i) => i.number === number);
        expect(invoice?.customerName).toBe(customer.name);
      }
      await page.context().close();
    },
    2 * BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'shows the validation message next to a setup field with a bad value, and does not save it',
    async () => {
      const page = await open('setup');
      await waitUntilLoaded(page, 'setup');
      const interval = page.getByRole('spinbutton', { name: en.fields.syncIntervalMinutes });
      await interval.fill('1');

      await until(async () => (await interval.getAttribute('aria-invalid')) === 'true', 'the field to be marked invalid');
      const describedBy = (await interval.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(
        describedBy
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => page.locator(`[id="${id}"]`).innerText()),
      );
      expect(messages.join(' ')).toMatch(/\b5\b.*\b1440\b/);

      await page.getByRole('button', { name: en.setupSave }).click();
      await page.getByRole('alert').filter({ hasText: en.setupInvalid }).waitFor();
      const stored = (await (await fetch(`${app.origin}/api/setup`)).json()) as { setup: { syncIntervalMinutes: number } };
      expect(stored.setup.syncIntervalMinutes).toBe(15);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'speaks Danish to a Danish browser, with Danish amounts',
    async () => {
      const page = await open('unbilled', { locale: 'da-DK' });
      await page.getByRole('heading', { name: da.unbilledTitle }).waitFor();
      await page.getByRole('grid', { name: da.gridLabel }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('da-DK');
      await expect(page.getByRole('button', { name: da.invoiceSelected }).count()).resolves.toBe(1);
      // da-DK money: '.' groups thousands, ',' before the øre, 'kr.' after.
      const summary = await page.getByText(/^Fakturerbare i filteret:/).innerText();
      expect(summary).toMatch(/\d{1,3}(\.\d{3})+,\d{2}\s?kr\./);
      await page.context().close();

      const chosen = await open('setup', { locale: 'en-US' }, '?lang=da');
      await chosen.getByRole('heading', { name: da.setupTitle }).waitFor();
      await chosen.context().close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  describe.each(THEMES)('in the %s theme', (theme) => {
    it.each(PAGES)(
      '%s has no serious or critical axe violations (and is screenshotted)',
      async (name) => {
        // Unbilled through a deep link to one customer: a full page of rows only makes the scan slow.
        const page = await open(name, { colorScheme: theme }, name === 'unbilled' ? `?customer=${encodeURIComponent(customer.email)}` : '');
        await waitUntilLoaded(page, name);
        const background = await page
          .locator('.fui-FluentProvider')
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor);
        const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
        expect(r + g + b < 300).toBe(theme === 'dark');

        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${theme}.png`) });
        // Tabster's focus sentinels (Fluent's focus management) are focusable and aria-hidden by design.
        const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
        const severe = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id} (${v.nodes.length}x): ${v.help}, e.g. ${v.nodes[0]?.html ?? ''}`);
        expect(severe).toEqual([]);
        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT_MS,
    );
  });
});
