import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium): never a browser downloaded by a test tool. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const chromiumAvailable = fs.existsSync(CHROMIUM_PATH);

/**
 * Whether a browser suite runs here: with Chromium, yes; without it outside CI the suite is skipped
 * with a loud warning; on CI (CI=true) it runs and fails, since CI installs Chromium.
 */
export function browserTestsEnabled(suite: string): boolean {
  if (chromiumAvailable || process.env['CI'] === 'true') return true;
  console.warn(`\n*** ${CHROMIUM_PATH} not found: the ${suite} browser tests are SKIPPED. Install it with: apt-get install -y chromium ***\n`);
  return false;
}

/**
 * The environment without libfaketime: a suite run at a shifted date (LD_PRELOAD=libfaketime) keeps
 * the browser on the real clock, where Chromium's crash handler works; the page's own clock is set by
 * the tests (Playwright's clock) anyway.
 */
function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('FAKETIME')) continue;
    env[key] =
      key === 'LD_PRELOAD'
        ? value
            .split(/[: ]/)
            .filter((lib) => !lib.includes('faketime'))
            .join(':')
        : value;
  }
  return env;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    env: browserEnv(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
