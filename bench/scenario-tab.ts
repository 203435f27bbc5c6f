import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../server/testing/chromium';
import { en } from '../tabs/src/i18n/messages-en';
import type { BenchRun } from './bench-run';
import { APP_RATE_WINDOW_MS, sleep } from './http';

/*
 * (4) The built tab in Chromium (playwright-core, Debian's /usr/bin/chromium, headless) against the app:
 * the Unbilled page's first row from navigation, the next page, and a new filter (a service chosen in
 * the Service list, which applies at once; the customer box waits for a typing pause on purpose).
 * Each is timed from the bench's action to the grid showing the result.
 */

const FIRST_ROW_GOAL_MS = 1500;
const STEP_GOAL_MS = 300;
const LOADS = 3;
const PAGES = 5;
const FILTERS = 3;
const VIEWPORT = { width: 1280, height: 800 };

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const list = (values: readonly number[]) => values.map((v) => Math.round(v)).join(', ');

function dataRows(page: Page) {
  const grid = page.getByRole('grid', { name: en.gridLabel });
  return grid.getByRole('row').filter({ has: page.getByRole('checkbox', { name: /^Select (?!all)/ }) });
}

async function openUnbilled(browser: Browser, run: BenchRun): Promise<{ page: Page; firstRowMs: number; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  // The tab's "today" is the server's, not the machine's.
  await context.clock.install({ time: run.appNow() });
  const page = await context.newPage();
  // Kept for the failure message: a tab that never shows a row says why in its console.
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 300)}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  const started = performance.now();
  await page.goto(`${run.app.origin}/tab/unbilled`);
  try {
    await dataRows(page).first().waitFor({ timeout: 120_000 });
  } catch (err) {
    const shown = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    ).slice(0, 600);
    throw new Error(`no data row in 120 s: ${String(err)}\npage problems: ${problems.join('; ') || 'none'}\npage shows: ${shown}`);
  }
  return { page, firstRowMs: performance.now() - started, close: () => context.close() };
}

export async function tab(run: BenchRun): Promise<void> {
  // The list scenario before this one spends the app's requests a minute from this address (it waits
  // out the 429s itself), and Chromium asks from the same address: its first page was refused and the
  // figure would be a rate window's wait, not the tab's. The tab starts in a fresh window.
  await sleep(APP_RATE_WINDOW_MS);
  const browser = await launchChromium();
  try {
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const opened = await openUnbilled(browser, run);
      loads.push(opened.firstRowMs);
      await opened.close();
    }
    const { page, close } = await openUnbilled(browser, run);
    try {
      const rows = dataRows(page);
      const next: number[] = [];
      for (let i = 0; i < PAGES; i++) {
        const before = await rows.first().innerText();
        const started = performance.now();
        await page.getByRole('button', { name: en.nextPage }).first().click();
        await rows.first().filter({ hasNotText: before }).waitFor({ timeout: 30_000 });
        next.push(performance.now() - started);
      }
      // Services the grid shows now, so each chosen one has rows to show.
      const service = page.getByLabel(en.filterService);
      const shown = (await rows.allInnerTexts()).join('\n');
      const options = (await service.locator('option').allInnerTexts())
        .slice(1)
        .filter((label) => shown.includes(label))
        .slice(0, FILTERS);
      if (options.length === 0) throw new Error('no service of the rows shown is in the Service list');
      const filters: number[] = [];
      for (const label of options) {
        // The first row may be of that service already: wait for the page's question with the filter, then its rows.
        const asked = page.waitForResponse((r) => r.url().includes('/api/') && r.url().includes('serviceId='), { timeout: 30_000 });
        const started = performance.now();
        await service.selectOption({ label });
        await asked;
        await rows.first().filter({ hasText: label }).waitFor({ timeout: 30_000 });
        filters.push(performance.now() - started);
      }
      run.add({
        scenario: 'tab',
        name: 'first row, from navigation (median)',
        value: median(loads),
        unit: 'ms',
        goal: { on: 'value', op: '<', limit: FIRST_ROW_GOAL_MS },
        notes: `${LOADS} loads in fresh contexts: ${list(loads)} ms`,
      });
      run.add({
        scenario: 'tab',
        name: 'next page (median)',
        value: median(next),
        unit: 'ms',
        goal: { on: 'value', op: '<', limit: STEP_GOAL_MS },
        notes: `${PAGES} clicks: ${list(next)} ms`,
      });
      run.add({
        scenario: 'tab',
        name: 'new filter, a service chosen (median)',
        value: median(filters),
        unit: 'ms',
        goal: { on: 'value', op: '<', limit: STEP_GOAL_MS },
        notes: `${filters.length} services: ${list(filters)} ms`,
      });
    } finally {
      await close();
    }
  } finally {
    await browser.close();
  }
}
