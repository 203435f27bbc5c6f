import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../service/config/config';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { browserTestsEnabled, launchChromium } from '../../server/testing/chromium';
import { startSandboxApp, type SandboxApp } from '../../server/testing/sandbox-app';
import type { SortKey, UnbilledResponse, UnbilledRow } from '../../contract/api-contract';
import { formatDuration, formatMoney } from '../src/i18n/format';
import { en } from '../src/i18n/messages-en';
import { appointmentLabel } from '../src/pages/unbilled/row-view';
import { bcInvoices, customerWithAppointments, syncNow } from './sandbox-data';
import { until } from '../../service/testing/until';

/*
 * Issue 13.2, 13.4 and 13.5 in Chromium against the sandbox: the grid's headers (and the stacked
 * list's sort menu) sort server-side both ways and keep the sort in the URL; a typed price makes a
 * "price needed" row invoiceable and it invoices at that price; an exclusion is undone from its toast,
 * and an excluded row is included again from the Excluded view.
 */

const DIST_INDEX = path.join(PROJECT_ROOT, 'tabs', 'dist', 'index.html');
const NOW = DEFAULT_TEST_NOW;
const BROWSER_TEST_TIMEOUT_MS = 120_000;
const TAG = 'en-US';
/** How many of the first rows are compared with the API's order. */
const COMPARED = 10;
const DEFAULT_SORT = { sort: 'start', direction: 'asc' } as const;

type Direction = 'asc' | 'desc';
interface Column {
  header: string;
  sort: SortKey;
  /** Whether the column's values differ in the Ready view, so the two directions show different first rows. */
  differs: boolean;
}
const COLUMNS: Column[] = [
  { header: en.colCustomer, sort: 'customer', differs: true },
  { header: en.colService, sort: 'service', differs: true },
  { header: en.colStart, sort: 'start', differs: true },
  { header: en.colDuration, sort: 'duration', differs: true },
  { header: en.colAmount, sort: 'amount', differs: true },
  { header: en.colState, sort: 'state', differs: false },
];

/** Text as a page renders it: runs of white space as one space (some sandbox names are untidy on purpose). */
const rendered = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A row as the page shows it: customer, service, duration and amount (what tells rows apart in every sort). */
function rowKey(row: UnbilledRow): string {
  const customer = row.customers.length === 0 ? en.noCustomer : row.customers.map((c) => c.name || c.email).join(', ');
  return [rendered(customer), rendered(row.serviceName), formatDuration(row.durationMinutes, TAG), row.amount ? formatMoney(row.amount, TAG) : en.noPrice].join(
    ' | ',
  );
}

/** Nothing serious or critical; Tabster's focus sentinels are focusable and aria-hidden by design. */
async function expectAxeClean(page: Page): Promise<void> {
  // A toast fades in and out: its colours are only themselves once those end. Its 10-second timer
  // could run out while axe reads the page (it did on a loaded CI machine: a toast's title measured
  // mid-fade), so the timers are paused for the reading as a blurred window pauses them, and go on after.
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('[data-timer-status]')].every((t) => t.getAttribute('data-timer-status') === 'paused'));
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || Number(a.effect?.getComputedTiming().duration ?? 0) > 2000),
    );
    const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    const severe = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.nodes.length}x): ${v.help}, e.g. ${v.nodes[0]?.html ?? ''}`);
    expect(severe).toEqual([]);
  } finally {
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  }
}

(browserTestsEnabled('tab') ? describe : describe.skip)('sorting, typing a price and excluding on the Unbilled page, in Chromium against the sandbox', () => {
  let app: SandboxApp;
  let browser: Browser;

  const open = async (query = '', options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: TAG, ...options });
    await context.clock.install({ time: app.clock() });
    const page = await context.newPage();
    await page.goto(`${app.origin}/tab/unbilled${query}`);
    await until(async () => (await page.getByText(/^Loading…$/).count()) === 0 && (await page.getByLabel(en.gridLabel).count()) > 0, 'the rows to load');
    return page;
  };

  const api = async (query: Record<string, string>): Promise<UnbilledResponse> => {
    const response = await fetch(`${app.origin}/api/unbilled?${new URLSearchParams(query).toString()}`);
    if (!response.ok) throw new Error(`GET /api/unbilled answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as UnbilledResponse;
  };

  /** The first rows GET /api/unbilled gives for the Ready view in this order, as the page words them. */
  const apiOrder = async (sort: SortKey, direction: Direction): Promise<string[]> =>
    (await api({ state: 'invoiceable', sort, direction, limit: String(COMPARED) })).rows.map(rowKey);

  /** The grid's first rows, by its column headers. */
  const gridOrder = (page: Page): Promise<string[]> =>
    page.getByRole('grid', { name: en.gridLabel }).evaluate(
      (grid, { count, names }) => {
        const firstLine = (el: Element | undefined) => (el?.textContent ? ((el as HTMLElement).innerText.split('\n')[0]?.trim() ?? '') : '');
        const cellsOf = (row: Element) => [...row.querySelectorAll('[role="columnheader"], [role="gridcell"]')];
        const rows = [...grid.querySelectorAll('[role="row"]')];
        const header = rows[0] ? cellsOf(rows[0]).map((c) => firstLine(c)) : [];
        const at = names.map((n) => header.indexOf(n));
        return rows.slice(1, count + 1).map((row) => at.map((i) => firstLine(cellsOf(row)[i])).join(' | '));
      },
      { count: COMPARED, names: [en.colCustomer, en.colService, en.colDuration, en.colAmount] },
    );

  /** The stacked list's first rows: each card holds the row's texts. */
  const listOrder = async (page: Page): Promise<string[]> =>
    (await page.getByRole('list', { name: en.gridLabel }).getByRole('listitem').allInnerTexts()).slice(0, COMPARED);

  const urlSort = (page: Page) => {
    const params = new URL(page.url()).searchParams;
    return { sort: params.get('sort') ?? DEFAULT_SORT.sort, direction: params.get('direction') ?? DEFAULT_SORT.direction };
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
    'sorts by each column header both ways, in the server’s order, with the sort in the URL',
    async () => {
      const page = await open();
      let current: { sort: SortKey; direction: Direction } = DEFAULT_SORT;
      for (const column of COLUMNS) {
        const seen: Partial<Record<Direction, string[]>> = {};
        for (let click = 0; click < 2; click++) {
          await page.getByRole('grid', { name: en.gridLabel }).getByRole('columnheader', { name: column.header, exact: true }).click();
          // A header click sorts ascending, or flips the direction when the column already sorts ascending.
          current = { sort: column.sort, direction: current.sort === column.sort && current.direction === 'asc' ? 'desc' : 'asc' };
          const expected = await apiOrder(current.sort, current.direction);
          await until(
            async () => JSON.stringify(await gridOrder(page)) === JSON.stringify(expected),
            `the grid to sort by ${column.sort} ${current.direction}`,
          );
          expect(await gridOrder(page)).toEqual(expected);
          // The default order (start, ascending) is the URL without a sort.
          expect(urlSort(page)).toEqual(current);
          expect(new URL(page.url()).searchParams.has('sort')).toBe(current.sort !== DEFAULT_SORT.sort || current.direction !== DEFAULT_SORT.direction);
          seen[current.direction] = expected;
        }
        expect(seen.asc).toHaveLength(COMPARED);
        if (column.differs) expect(seen.desc).not.toEqual(seen.asc);
        // Every ready row is "Unbilled": the state sort has nothing to tell apart in this view.
        else expect([...new Set((await api({ state: 'invoiceable', limit: '500' })).rows.map((r) => r.state))]).toEqual(['unbilled']);
      }
      await page.reload();
      await page.getByRole('grid', { name: en.gridLabel }).waitFor();
      // A reload keeps the last sort.
      expect(await gridOrder(page)).toEqual(await apiOrder(current.sort, current.direction));
      await page.context().close();

      // Axe on a sorted grid in both themes (one customer's rows: a full page only makes the scan slow).
      const customer = await customerWithAppointments(app, 3);
      for (const colorScheme of ['light', 'dark'] as const) {
        const themed = await open(`?customer=${encodeURIComponent(customer.email)}&sort=amount&direction=desc`, { colorScheme });
        await themed.getByRole('columnheader', { name: en.colAmount }).and(themed.locator('[aria-sort="descending"]')).waitFor();
        await expectAxeClean(themed);
        await themed.context().close();
      }
    },
    3 * BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'sorts the stacked list at 400 px from its sort menu, both ways',
    async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await open('', { viewport: { width: 400, height: 800 }, colorScheme });
        const menu = page.getByRole('combobox', { name: en.sortLabel });
        const seen: string[][] = [];
        for (const direction of ['asc', 'desc'] as const) {
          await menu.selectOption({ label: en.sortChoices.customer[direction] });
          const expected = (await apiOrder('customer', direction)).map((key) => key.split(' | '));
          const matches = async () => {
            const shown = await listOrder(page);
            return shown.length === expected.length && expected.every((parts, i) => parts.every((part) => shown[i]?.includes(part)));
          };
          await until(matches, `the list to sort by customer ${direction}`);
          expect(await matches()).toBe(true);
          expect(urlSort(page)).toEqual({ sort: 'customer', direction });
          seen.push(expected.map((parts) => parts.join(' | ')));
        }
        expect(seen[0]).not.toEqual(seen[1]);
        await expectAxeClean(page);
        await page.context().close();
      }
    },
    2 * BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'a typed price makes a "price needed" row invoiceable, and it invoices at that price',
    async () => {
      // A row held back by the missing price alone, of one customer with one plain email.
      const response = await api({ state: 'not-invoiceable', reason: 'price-needed', limit: '500' });
      const row = response.rows.find((r) => r.reasons.length === 1 && r.customers.length === 1 && (r.customers[0]?.email ?? '') !== '' && r.currency === 'DKK');
      if (!row) throw new Error(`no row held back by its price alone among ${response.rows.length}`);
      const customer = row.customers[0]?.email ?? '';
      // Times show in the business's zone (the daily summary's setup), as the page words them.
      const setup = (await (await fetch(`${app.origin}/api/setup`)).json()) as { setup: { dailySummary: { timeZone: string }; pricesIncludeVat: boolean } };
      const timezoneId = setup.setup.dailySummary.timeZone;
      const label = en.priceInputLabel(appointmentLabel(row, TAG, timezoneId, en));

      for (const colorScheme of ['dark', 'light'] as const) {
        const page = await open(`?show=not-invoiceable&customer=${encodeURIComponent(customer)}`, { colorScheme, timezoneId });
        // The field is in the list of every blocked row too, shown (busy) until the price-needed one is
        // in: the scan is of that one, not of rows being replaced under it.
        const listed = page.waitForResponse((r) => r.url().includes('/api/unbilled?') && new URL(r.url()).searchParams.get('reason') === 'price-needed');
        await page.getByLabel(en.filterReason).selectOption({ label: en.reasons['price-needed'] });
        await listed;
        await page
          .locator('[aria-busy="false"]')
          .filter({ has: page.getByRole('grid', { name: en.gridLabel }) })
          .waitFor();
        const field = page.getByRole('textbox', { name: label, exact: true });
        await field.waitFor();
        await expectAxeClean(page);
        if (colorScheme === 'dark') {
          await page.context().close();
          continue;
        }
        await field.fill('375.50');
        const [request] = await Promise.all([
          page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/api/appointments/${encodeURIComponent(row.id)}/price`)),
          field.press('Enter'),
        ]);
        expect(request.postDataJSON()).toEqual({ price: { minor: 37550, currency: 'DKK' } });
        await page
          .locator('.fui-ToastTitle')
          .getByText(/^Price saved for /)
          .waitFor();
        await until(async () => (await field.count()) === 0, 'the row to leave the blocked list');
        const ready = (await api({ state: 'invoiceable', customer, limit: '500' })).rows.find((r) => r.id === row.id);
        expect(ready?.reasons).toEqual([]);
        expect(ready?.amount).toEqual({ minor: 37550, currency: 'DKK' });

        // Ready to invoice: tick it (its amount tells it from the customer's other rows), preview, create.
        await page.getByLabel(en.filterShow).selectOption({ label: en.showChoices.invoiceable });
        const amount = formatMoney({ minor: 37550, currency: 'DKK' }, TAG);
        const rows = page
          .getByRole('grid', { name: en.gridLabel })
          .getByRole('row')
          .filter({ hasText: amount })
          .filter({ has: page.getByRole('checkbox') });
        await rows.first().waitFor();
        expect(await rows.count()).toBe(1);
        await rows.first().getByRole('checkbox').check();
        await page
          .getByText(/Selected: 1 ·/)
          .first()
          .waitFor();
        await page.getByRole('button', { name: en.invoiceSelected }).click();
        const dialog = page.getByRole('dialog', { name: en.previewTitle });
        await dialog.getByText(amount).first().waitFor();
        await dialog.getByRole('button', { name: en.previewConfirm }).click();
        const result = page.getByRole('region', { name: en.runTitle });
        await result
          .getByRole('status')
          .filter({ hasText: /^Done:/ })
          .waitFor({ timeout: BROWSER_TEST_TIMEOUT_MS });
        const numbers = [...(await result.innerText()).matchAll(/Invoice (\S+)/g)].map((m) => m[1] ?? '');
        expect(numbers).toHaveLength(1);
        const invoice = (await bcInvoices(app)).find((i) => i.number === numbers[0]) as
          (Awaited<ReturnType<typeof bcInvoices>>[number] & { totalAmountIncludingTax: number; totalAmountExcludingTax: number }) | undefined;
        expect(invoice?.customerName).toBe(row.customers[0]?.name);
        // The typed price is what the person bills: with VAT when the setup says Bookings prices include it.
        const total = setup.setup.pricesIncludeVat ? invoice?.totalAmountIncludingTax : invoice?.totalAmountExcludingTax;
        expect(total).toBe(375.5);
        await page.context().close();
      }
    },
    3 * BROWSER_TEST_TIMEOUT_MS,
  );

  it(
    'undoes an exclusion from its toast, and includes an excluded row again from the Excluded view',
    async () => {
      const customer = await customerWithAppointments(app, 2);
      const query = `?customer=${encodeURIComponent(customer.email)}`;
      const page = await open(query);
      const grid = page.getByRole('grid', { name: en.gridLabel });
      const exclude = grid.getByRole('button', { name: /^Exclude / }).first();
      const name = (await exclude.getAttribute('aria-label'))?.replace(/^Exclude /, '') ?? '';
      const excludeButton = (p: Page) => p.getByRole('grid', { name: en.gridLabel }).getByRole('button', { name: en.excludeRow(name), exact: true });
      const includeButton = (p: Page) => p.getByRole('grid', { name: en.gridLabel }).getByRole('button', { name: en.includeRow(name), exact: true });
      const undo = (p: Page) => p.locator('.fui-Toast').filter({ hasText: 'Excluded ' }).getByRole('button', { name: en.undo });

      const [request] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'POST' && /\/api\/appointments\/[^/]+\/exclude$/.test(r.url())),
        exclude.click(),
      ]);
      const id = decodeURIComponent(/\/api\/appointments\/([^/]+)\/exclude$/.exec(request.url())?.[1] ?? '');
      const invoiceable = async () => (await api({ state: 'invoiceable', customer: customer.email, limit: '500' })).rows.some((r) => r.id === id);
      // Undo is offered for ten seconds, paused while the pointer is on the toast: the pointer goes
      // there at once, so a slow machine cannot run the offer out before the click.
      await undo(page).hover();
      await until(async () => (await excludeButton(page).count()) === 0, 'the row to leave the Ready list');
      const [includeRequest] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'POST' && /\/include$/.test(r.url()), { timeout: 10_000 }),
        undo(page).click(),
      ]);
      const includeAnswer = await includeRequest.response();
      expect(includeAnswer?.status()).toBe(200);
      await excludeButton(page).waitFor();
      expect(await invoiceable()).toBe(true);

      // Excluded again without Undo, in each theme: the Excluded view has it, and Include brings it back.
      for (const colorScheme of ['light', 'dark'] as const) {
        const themed = colorScheme === 'light' ? page : await open(query, { colorScheme });
        await excludeButton(themed).click();
        // The toast the Undo above dismissed may still be leaving beside the new one.
        await undo(themed).last().waitFor();
        await until(async () => (await excludeButton(themed).count()) === 0, 'the row to leave the Ready list');
        expect(await invoiceable()).toBe(false);
        await expectAxeClean(themed);

        await themed.getByLabel(en.filterShow).selectOption({ label: en.showChoices.excluded });
        await includeButton(themed).waitFor();
        expect(new URL(themed.url()).searchParams.get('show')).toBe('excluded');
        await expectAxeClean(themed);
        await includeButton(themed).click();
        await themed
          .locator('.fui-ToastTitle')
          .getByText(/^Included .* again\.$/)
          .last()
          .waitFor();
        await until(async () => (await includeButton(themed).count()) === 0, 'the row to leave the Excluded view');
        await themed.getByLabel(en.filterShow).selectOption({ label: en.showChoices.invoiceable });
        await excludeButton(themed).waitFor();
        expect(await invoiceable()).toBe(true);
        await themed.context().close();
      }
    },
    3 * BROWSER_TEST_TIMEOUT_MS,
  );
});
