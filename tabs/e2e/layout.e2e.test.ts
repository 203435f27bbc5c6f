import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Preview, SelectionInput } from '../../contract/api-contract';
import { PROJECT_ROOT } from '../../service/config/config';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { until } from '../../service/testing/until';
import { browserTestsEnabled, launchChromium } from '../../server/testing/chromium';
import { startSandboxApp, type SandboxApp } from '../../server/testing/sandbox-app';
import { NARROW_MAX_WIDTH_PX } from '../src/app/use-media-query';
import { formatMoney, sumMoney } from '../src/i18n/format';
import { da } from '../src/i18n/messages-da';
import { en, type Messages } from '../src/i18n/messages-en';
import { horizontalOverflow, layoutProblems } from './layout-checks';
import { bcInvoices, customerWithAppointments, type CustomerPick, invoiceableCount, syncNow } from './sandbox-data';
import { dayWithBlockedAppointments } from './layout-data';

/*
 * The tab at Teams sizes: a desktop window (1280), a tablet (768), a side panel or phone (400) and the
 * narrowest phone (320), in English and Danish, light and dark. Nothing overlaps or runs off the page,
 * the narrow layout works end to end, and axe finds nothing serious. Also takes the README's
 * phone-width screenshot of Unbilled (into docs/screenshots/ with SCREENSHOTS=update, as tab.e2e does).
 */

const DIST_INDEX = path.join(PROJECT_ROOT, 'tabs', 'dist', 'index.html');
const SCREENSHOTS =
  process.env['SCREENSHOTS'] === 'update' ? path.join(PROJECT_ROOT, 'docs', 'screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'tab-layout-screenshots-'));
const HEIGHT = 800;
const WIDTHS = [1280, 768, 400, 320] as const;
const PHONE = 400;
const THEMES = ['light', 'dark'] as const;
const LANGUAGES: { name: string; locale: string; t: Messages }[] = [
  { name: 'English', locale: 'en-US', t: en },
  { name: 'Danish', locale: 'da-DK', t: da },
];
/** Guards, not performance criteria: a browser on a loaded machine is slow, a hang still fails. */
const BROWSER_TEST_TIMEOUT_MS = 180_000;

type PageName = 'unbilled' | 'setup' | 'history';

const narrowAt = (width: number) => width <= NARROW_MAX_WIDTH_PX;

/** One row of the Unbilled page as the layout at that width draws it: a grid row or a stacked list item. */
function rowSelector(width: number, t: Messages): string {
  return narrowAt(width) ? `ul[aria-label="${t.gridLabel}"] > li` : `[role="grid"][aria-label="${t.gridLabel}"] [role="row"]`;
}

function rowsOf(page: Page, width: number, t: Messages) {
  return narrowAt(width)
    ? page.getByRole('list', { name: t.gridLabel }).getByRole('listitem')
    : page
        .getByRole('grid', { name: t.gridLabel })
        .getByRole('row')
        .filter({ has: page.getByRole('checkbox', { name: /^(Select|Vælg) (?!all|alle)/ }) });
}

async function settled(page: Page): Promise<void> {
  await until(async () => (await page.getByText(/^(Loading…|Indlæser…)$/).count()) === 0, 'the page to finish loading');
  await page.evaluate(() => document.fonts.ready);
}

/** Waits until the Unbilled rows shown are the latest answer's: the page keeps the last rows on screen (busy) while the next ones load. */
async function rowsSettled(page: Page, width: number, t: Messages): Promise<void> {
  const rows = narrowAt(width) ? page.getByRole('list', { name: t.gridLabel }) : page.getByRole('grid', { name: t.gridLabel });
  await page.locator('[aria-busy="false"]').filter({ has: rows }).waitFor();
}

async function waitUntilLoaded(page: Page, name: PageName, width: number, t: Messages): Promise<void> {
  if (name === 'unbilled') await rowsOf(page, width, t).first().waitFor();
  if (name === 'setup') {
    await page.getByRole('button', { name: t.setupSave }).waitFor();
    await page.locator('.ac-adaptiveCard').first().waitFor();
  }
  if (name === 'history') await page.getByRole('heading', { name: t.auditTitle }).waitFor();
  await settled(page);
}

async function expectNoSevereAxeViolations(page: Page): Promise<void> {
  // Tabster's focus sentinels (Fluent's focus management) are focusable and aria-hidden by design.
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const severe = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.nodes.length}x): ${v.help}, e.g. ${v.nodes[0]?.html ?? ''}`);
  expect(severe).toEqual([]);
}

async function expectTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  const background = await page
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
  expect(r + g + b < 300).toBe(theme === 'dark');
}

/** "DKK 1,402.50" → 140250 (the English format; the flow runs in English). */
function minorOf(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

(browserTestsEnabled('tab layout') ? describe : describe.skip)('the tab at Teams sizes, in Chromium against the sandbox', () => {
  let app: SandboxApp;
  let browser: Browser;
  let customer: CustomerPick;
  /** A day with both ready and blocked appointments, for the axe scans. */
  let axeDay: string;

  const open = async (name: PageName, options: { width: number; locale?: string; theme?: (typeof THEMES)[number] }, query = ''): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: options.width, height: HEIGHT },
      locale: options.locale ?? 'en-US',
      colorScheme: options.theme ?? 'light',
    });
    // The tab's "today" is the server's, not the machine's; time flows on from there.
    await context.clock.install({ time: app.clock() });
    const page = await context.newPage();
    await page.goto(`${app.origin}/tab/${name}${query}`);
    return page;
  };

  beforeAll(async () => {
    if (!fs.existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: build the tab first with \`npm run build:tab\` (npm test does).`);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startSandboxApp({ now: DEFAULT_TEST_NOW });
    await syncNow(app);
    customer = await customerWithAppointments(app, 3);
    axeDay = await dayWithBlockedAppointments(app);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  describe.each(LANGUAGES)('in $name', ({ locale, t }) => {
    it.each(WIDTHS)(
      'Unbilled at %i px: no row overlaps or leaves the page, the list is stacked below the breakpoint, axe clean light and dark',
      async (width) => {
        // Ready and blocked rows together: the blocked ones carry the longest text (reason, hint, price field).
        const page = await open('unbilled', { width, locale }, '?show=unbilled');
        await waitUntilLoaded(page, 'unbilled', width, t);
        expect(await page.getByRole(narrowAt(width) ? 'grid' : 'list', { name: t.gridLabel }).count()).toBe(0);
        expect(await rowsOf(page, width, t).count()).toBeGreaterThan(10);
        // The filters are the form itself on a wide screen, a button for the drawer on a narrow one.
        expect(await page.getByRole('search', { name: t.filtersLabel }).count()).toBe(narrowAt(width) ? 0 : 1);

        expect(await layoutProblems(page, 'header')).toEqual([]);
        expect(await layoutProblems(page, rowSelector(width, t))).toEqual([]);
        expect(await layoutProblems(page, 'main [role="status"], main nav, main h1, main section')).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);

        // axe on one day's rows, ready and blocked: a full page of alike rows finds nothing more, only slowly.
        await page.goto(`${app.origin}/tab/unbilled?show=unbilled&from=${axeDay}&to=${axeDay}`);
        for (const theme of THEMES) {
          if (theme === 'dark') {
            await page.emulateMedia({ colorScheme: 'dark' });
            await page.reload();
          }
          await waitUntilLoaded(page, 'unbilled', width, t);
          await expectTheme(page, theme);
          expect(await horizontalOverflow(page)).toBe(0);
          await expectNoSevereAxeViolations(page);
        }
        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT_MS,
    );

    it.each([
      ['setup', 400],
      ['setup', 320],
      ['history', 400],
      ['history', 320],
    ] as const)(
      '%s at %i px: fields and tables stay within the page, axe clean light and dark',
      async (name, width) => {
        const page = await open(name, { width, locale });
        await waitUntilLoaded(page, name, width, t);
        for (const theme of THEMES) {
          if (theme === 'dark') {
            await page.emulateMedia({ colorScheme: 'dark' });
            await page.reload();
            await waitUntilLoaded(page, name, width, t);
          }
          await expectTheme(page, theme);
          expect(await layoutProblems(page, 'header')).toEqual([]);
          expect(await layoutProblems(page, 'main section, main form, main tr')).toEqual([]);
          expect(await horizontalOverflow(page)).toBe(0);
          await expectNoSevereAxeViolations(page);
        }
        await page.context().close();
      },
      BROWSER_TEST_TIMEOUT_MS,
    );
  });

  it.each(THEMES)(
    'takes the phone-width screenshot of Unbilled (%s)',
    async (theme) => {
      const page = await open('unbilled', { width: PHONE, theme });
      await waitUntilLoaded(page, 'unbilled', PHONE, en);
      await expectTheme(page, theme);
      await page.screenshot({ path: path.join(SCREENSHOTS, `unbilled-phone-${theme}.png`) });
      await page.context().close();
    },
    BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'at 400 px pages, sorts, selects all matching, filters in the drawer, and invoices the rows it shows at the amounts it shows',
    async () => {
      const page = await open('unbilled', { width: PHONE });
      await waitUntilLoaded(page, 'unbilled', PHONE, en);
      const rows = rowsOf(page, PHONE, en);
      // Appointments keep ending while the suite runs (the sandbox's clock moves on): counts are read off the page.

      // Paging.
      const firstRow = await rows.first().innerText();
      await page.getByRole('button', { name: en.nextPage }).click();
      await page.getByText(/^Page 2 of [\d,]+$/).waitFor();
      await until(async () => (await rows.first().innerText()) !== firstRow, 'the second page');
      // "Page 1" shows at once, the second page's rows until the first's are in: "select the page" ticks
      // the rows on screen, so it waits for the first page's.
      const firstPage = page.waitForResponse((r) => r.url().includes('/api/unbilled?') && new URL(r.url()).searchParams.get('offset') === '0');
      await page.getByRole('button', { name: en.previousPage }).click();
      await page.getByText(/^Page 1 of [\d,]+$/).waitFor();
      await firstPage;
      await rowsSettled(page, PHONE, en);

      // Selecting the page, then everything the filter matches, then nothing.
      await page.getByRole('checkbox', { name: en.selectPage }).check();
      await page.getByText(/^Selected: 50 ·/).waitFor();
      const selectAll = page.getByRole('button', { name: /^Select all [\d,]+ matching the filter$/ });
      const total = /[\d,]+/.exec(await selectAll.innerText())?.[0] ?? '';
      await selectAll.click();
      await page.getByText(en.allMatchingSelected(total)).waitFor();
      await page.getByRole('button', { name: en.clearSelection }).click();
      await page.getByText(en.selectionNone).waitFor();

      // The sort menu asks the server, and the rows come back in that order.
      const sorted = page.waitForResponse((r) => r.url().includes('/api/unbilled?') && r.url().includes('sort=amount') && r.url().includes('direction=desc'));
      await page.getByRole('combobox', { name: en.sortLabel }).selectOption({ label: en.sortChoices.amount.desc });
      await sorted;
      // The previous order stays on screen (busy) until the sorted rows are drawn.
      await rowsSettled(page, PHONE, en);
      await settled(page);
      const amounts = (await rows.locator('[data-field="amount"]').allInnerTexts()).filter((a) => a !== en.noPrice).map(minorOf);
      expect(amounts.length).toBeGreaterThan(10);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      const resorted = page.waitForResponse((r) => r.url().includes('/api/unbilled?') && r.url().includes('sort=start') && r.url().includes('direction=asc'));
      await page.getByRole('combobox', { name: en.sortLabel }).selectOption({ label: en.sortChoices.start.asc });
      // The drawer's axe scan reads the page behind it too: not while those rows are being replaced.
      await resorted;
      await rowsSettled(page, PHONE, en);

      // The drawer: opens, filters (typed text applies when it closes), closes, and its button counts the filter.
      await page.getByRole('button', { name: en.filtersButton(null) }).click();
      const drawer = page.getByRole('dialog', { name: en.filtersLabel });
      await drawer.waitFor();
      // Within the page once it has slid in.
      await until(async () => {
        const box = await drawer.boundingBox();
        return box !== null && box.x >= 0 && box.x + box.width <= PHONE;
      }, 'the drawer to be within the page');
      await expectNoSevereAxeViolations(page);
      await drawer.getByRole('textbox', { name: en.filterCustomer }).fill(customer.email);
      await drawer.getByRole('button', { name: en.filtersDone }).click();
      await drawer.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: en.filtersButton('1') }).waitFor();
      await until(
        async () =>
          (await rows.count()) === Math.min(await invoiceableCount(app, customer.email), 50) &&
          (await rows.allInnerTexts()).every((text) => text.includes(customer.name)),
        'the list to show only the customer',
      );

      // Three of the customer's own appointments (group bookings with others show too), with what each row shows.
      const own = rows.filter({ has: page.getByText(customer.name, { exact: true }) });
      expect(await own.count()).toBeGreaterThanOrEqual(3);
      const shown: string[] = [];
      for (let i = 0; i < 3; i++) {
        await own.nth(i).getByRole('checkbox').check();
        shown.push(await own.nth(i).locator('[data-field="amount"]').innerText());
      }
      await page.getByText(/^Selected: 3 ·/).waitFor();

      const previewed = page.waitForResponse((r) => r.url().endsWith('/api/invoice-runs/preview') && r.request().method() === 'POST');
      await page.getByRole('button', { name: en.invoiceSelected }).click();
      const response = await previewed;
      const { selection } = response.request().postDataJSON() as { selection: SelectionInput };
      const preview = (await response.json()) as Preview;
      // The selection lists the ids in the order they were ticked: each row's amount is its lines' sum.
      if (selection.kind !== 'ids') throw new Error(`the preview was asked for a ${selection.kind} selection`);
      expect(selection.appointmentIds).toHaveLength(3);
      const lines = preview.invoices.flatMap((i) => i.lines);
      const previewed3 = selection.appointmentIds.map((id) =>
        sumMoney(lines.filter((l) => l.appointmentId === id).map((l) => l.amount))
          .map((m) => formatMoney(m, 'en-US'))
          .join(' + '),
      );
      expect(previewed3).toEqual(shown);

      const dialog = page.getByRole('dialog', { name: en.previewTitle });
      await dialog.getByRole('cell', { name: customer.name }).first().waitFor();
      await until(async () => {
        const box = await dialog.boundingBox();
        return box !== null && box.x >= 0 && box.x + box.width <= PHONE;
      }, 'the preview to be within the page');
      await dialog.getByRole('button', { name: en.previewConfirm }).click();

      const result = page.getByRole('region', { name: en.runTitle });
      await result
        .getByRole('status')
        .filter({ hasText: /^Done:/ })
        .waitFor({ timeout: BROWSER_TEST_TIMEOUT_MS });
      const numbers = [...(await result.innerText()).matchAll(/Invoice (\S+)/g)].map((m) => m[1] ?? '');
      expect(numbers.length).toBeGreaterThan(0);
      const inBusinessCentral = await bcInvoices(app);
      for (const number of numbers) expect(inBusinessCentral.find((i) => i.number === number)?.customerName).toBe(customer.name);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.context().close();
    },
    2 * BROWSER_TEST_TIMEOUT_MS,
  );
});
