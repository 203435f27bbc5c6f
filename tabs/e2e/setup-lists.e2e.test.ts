import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../service/config/config';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { browserTestsEnabled, launchChromium } from '../../server/testing/chromium';
import { startSandboxApp, type SandboxApp } from '../../server/testing/sandbox-app';
import { setupTablesResponseSchema } from '../../contract/api-contract';
import { da } from '../src/i18n/messages-da';
import { en } from '../src/i18n/messages-en';

/*
 * Setup's template fields in Chromium against `npm start`'s sandbox: picked from Business Central's
 * own lists by name, saved as Business Central's id, and shown by name again after a reload; the
 * summary time is 24-hour whatever the browser's locale.
 */

const DIST_INDEX = path.join(PROJECT_ROOT, 'tabs', 'dist', 'index.html');
const BROWSER_TEST_TIMEOUT_MS = 120_000;
const FOURTEEN_DAYS = '14 DAGE – Netto 14 dage';

(browserTestsEnabled('setup lists') ? describe : describe.skip)('Setup picks from Business Central lists in Chromium', () => {
  let app: SandboxApp;
  let browser: Browser;

  const open = async (options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', ...options });
    await context.clock.install({ time: app.clock() });
    const page = await context.newPage();
    await page.goto(`${app.origin}/tab/setup`);
    await page.getByRole('button', { name: options.locale === 'da-DK' ? da.setupSave : en.setupSave }).waitFor();
    return page;
  };

  /** A picker once its list is read (it is disabled until then). */
  const picker = async (page: Page, name: string): Promise<Locator> => {
    const box = page.getByRole('combobox', { name, exact: true });
    await box.and(page.locator(':not([disabled])')).waitFor();
    return box;
  };

  const storedSetup = async () =>
    (await (await fetch(`${app.origin}/api/setup`)).json()) as { setup: { customerTemplate: { paymentTermsId?: string }; dailySummary: { time: string } } };

  beforeAll(async () => {
    if (!fs.existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: build the tab first with \`npm run build:tab\` (npm test does).`);
    app = await startSandboxApp({ now: DEFAULT_TEST_NOW });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it(
    'picks a payment term by name, saves its id, and shows it by name after a reload, in English and Danish',
    async () => {
      const page = await open();
      const terms = await picker(page, en.fields['customerTemplate.paymentTermsId']);
      expect((await terms.innerText()).trim()).toBe(en.lookupNone);
      await terms.click();
      await page.getByRole('option', { name: FOURTEEN_DAYS, exact: true }).click();
      expect((await terms.innerText()).trim()).toBe(FOURTEEN_DAYS);
      await page.getByRole('button', { name: en.setupSave }).click();
      await page.getByRole('status').filter({ hasText: en.setupSaved }).waitFor();

      const lists = setupTablesResponseSchema.parse(await (await fetch(`${app.origin}/api/business-central/setup-tables`)).json());
      const fourteen = lists.tables.paymentTerms.find((t) => t.code === '14 DAGE');
      expect((await storedSetup()).setup.customerTemplate.paymentTermsId).toBe(fourteen?.id);

      await page.reload();
      const again = await picker(page, en.fields['customerTemplate.paymentTermsId']);
      await expect(again.innerText()).resolves.toBe(FOURTEEN_DAYS);
      const templates = await page.getByRole('group', { name: en.sectionTemplates }).innerText();
      expect(templates).toContain(FOURTEEN_DAYS);
      expect(templates).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
      const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await page.context().close();

      const danish = await open({ locale: 'da-DK' });
      const betingelse = await picker(danish, da.fields['customerTemplate.paymentTermsId']);
      await expect(betingelse.innerText()).resolves.toBe(FOURTEEN_DAYS);
      await expect((await picker(danish, da.fields['customerTemplate.currencyCode'])).innerText()).resolves.toBe(da.lookupLocalCurrency('DKK'));
      await danish.context().close();
    },
    2 * BROWSER_TEST_TIMEOUT_MS,
  );

  it.each(['en-US', 'da-DK'])(
    'shows the summary time as 24-hour under %s, its label right above it',
    async (locale) => {
      const page = await open({ locale });
      const label = (locale === 'da-DK' ? da : en).fields['dailySummary.time'];
      const time = page.getByRole('textbox', { name: label, exact: true });
      await expect(time.inputValue()).resolves.toBe('07:30');
      await time.fill('19.45');
      await time.blur();
      await expect(time.inputValue()).resolves.toBe('19:45');
      // A type="time" input keeps "19:45" as its value too, yet shows "07:45 PM" under en-US: a text input shows its value.
      await expect(time.getAttribute('type')).resolves.toBe('text');
      const labelBox = await page.locator('label', { hasText: label }).boundingBox();
      const inputBox = await time.boundingBox();
      expect(labelBox && inputBox && labelBox.y + labelBox.height <= inputBox.y + 1).toBe(true);
      expect(labelBox && inputBox && Math.abs(labelBox.x - inputBox.x) <= 12).toBe(true);
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );
});
