import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../service/config/config';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { browserTestsEnabled, launchChromium } from '../../server/testing/chromium';
import {
  cleanEnv,
  freePort,
  runChild,
  startSandboxApp,
  stopChild,
  syncNow,
  waitForOutput,
  type ChildOutput,
  type SandboxApp,
} from '../../server/testing/sandbox-app';

/*
 * The bot as a person meets it: `npm start` (sandbox), the Microsoft 365 Agents Playground against it,
 * and headless Chromium typing into the playground's chat.
 */

const PLAYGROUND = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'agentsplayground');

/** The app runs as of a Wednesday: yesterday was a working day at the clinic, with appointments to invoice. */
const NOW = DEFAULT_TEST_NOW;
const COMMAND = 'invoice yesterday';

async function bcInvoiceNumbers(app: SandboxApp): Promise<Set<string>> {
  const headers = { authorization: `Bearer ${app.token}` };
  const companies = (await (await fetch(`${app.bcApiBaseUrl}/companies`, { headers })).json()) as { value: Array<{ id: string }> };
  const numbers = new Set<string>();
  let url: string | undefined = `${app.bcApiBaseUrl}/companies(${companies.value[0]!.id})/salesInvoices`;
  while (url) {
    const page = (await (await fetch(url, { headers })).json()) as { value: Array<{ number: string }>; '@odata.nextLink'?: string };
    for (const invoice of page.value) numbers.add(invoice.number);
    url = page['@odata.nextLink'];
  }
  return numbers;
}

(browserTestsEnabled('Agents Playground') ? describe : describe.skip)('the bot in the Microsoft 365 Agents Playground', () => {
  let app: SandboxApp;
  let playground: ChildOutput;
  let playgroundUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    app = await startSandboxApp({ now: NOW });
    await syncNow(app);
    const port = await freePort();
    playground = runChild(
      PLAYGROUND,
      ['start', '-e', `${app.origin}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
      cleanEnv({ TEAMSAPPTESTER_BROWSER: 'none' }),
    );
    // If its port is taken the playground silently picks another: read the one it says.
    const [, listening] = await waitForOutput(playground, /Listening on (\d+)/, 30_000);
    playgroundUrl = `http://localhost:${listening}`;
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (playground) await stopChild(playground);
    await app?.stop();
  });

  it('greets with the install card when the playground opens its conversation (conversationUpdate adding the bot)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
    const greeting = page.locator('.fai-OutputCard .ac-adaptiveCard').filter({ hasText: 'Hello from Bookings Invoicing' }).first();
    await greeting.waitFor({ timeout: 30_000 });
    const text = await greeting.innerText();
    // The playground's conversation is a personal chat: what the bot does and the three commands to try.
    expect(text).toContain('Nothing is invoiced until you click Invoice on a preview.');
    expect(text).toContain('Try one of these:');
    await page.close();
  }, 60_000);

  it('previews invoices for a command, and the Invoice click refreshes the card with invoice numbers', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
    const input = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await input.waitFor({ timeout: 60_000 });
    await input.click();
    await page.keyboard.type(COMMAND);
    await page.locator('button[aria-label="Send Message"]').click();

    const preview = page
      .locator('.fai-OutputCard .ac-adaptiveCard')
      .filter({ hasText: /Preview/ })
      .last();
    await preview.waitFor({ timeout: 60_000 });
    const invoiceButton = preview.getByRole('button', { name: /^Invoice: \d+ appointments? → \d+ invoices?$/ });
    await invoiceButton.click();

    const result = page
      .locator('.fai-OutputCard .ac-adaptiveCard')
      .filter({ hasText: /Created \d+ (of \d+ )?draft invoices/ })
      .last();
    await result.waitFor({ timeout: 90_000 });
    const shown = [...(await result.innerText()).matchAll(/\b(1\d{5})\b/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(0);
    const inBusinessCentral = await bcInvoiceNumbers(app);
    for (const number of shown) expect(inBusinessCentral.has(number)).toBe(true);
  }, 240_000);
});
