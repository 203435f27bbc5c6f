import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBcEmulator } from '../../sandbox/bc';
import { createGraphEmulator } from '../../sandbox/graph';
import { generateSandboxData, SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { clockFrom } from '../../service/domain/clock';
import type { Env } from '../../service/config/env-files';
import { runCli } from '../run-cli';
import { shortId } from '../short-id';

const TOKEN = 'cli-no-show-test-token';
const NOW = new Date('2026-12-01T09:00:00.000Z');

interface ListedRow {
  id: string;
  end: string;
  serviceName: string;
  customers: { name: string }[];
  noShow: boolean;
  state: string;
}

describe('npm run cli -- no-show (against the emulators, SQLite)', () => {
  it('marks an ended appointment as a no-show and undoes it, naming it in words; refuses one that has not ended', async () => {
    const data = generateSandboxData({ seed: 7, now: NOW, scale: { customers: 20, staff: 2, daysBack: 4, daysAhead: 2 } });
    const clock = clockFrom(NOW);
    const graph = await createGraphEmulator(data.bookings, { token: TOKEN }, { now: clock }).listen('127.0.0.1', 0);
    const bc = await createBcEmulator(data.bc, { token: TOKEN }, { now: clock }).listen('127.0.0.1', 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-no-show-test-'));
    const env: Env = {
      APP_ENV: 'cli-no-show-integration-test',
      DATABASE_URL: path.join(dir, 'data', 'bookings.db'),
      GRAPH_BASE_URL: graph.baseUrl,
      BC_API_BASE_URL: bc.apiBaseUrl,
      BOOKINGS_BUSINESS_ID: SANDBOX_BUSINESS_ID,
      BC_COMPANY_ID: SANDBOX_COMPANY_ID,
      AUTH_MODE: 'static',
      STATIC_ACCESS_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
      SANDBOX_CLOCK_START: NOW.toISOString(),
    };
    const cli = async (argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, { env, rootDir: dir, io: { out: (t) => void (out += t), err: (t) => void (err += t), isTty: false, columns: 140 } });
      return { code, out, err };
    };
    try {
      expect((await cli(['sync'])).code).toBe(0);
      const rows = (JSON.parse((await cli(['unbilled', '--state', 'all', '--json'])).out) as { rows: ListedRow[] }).rows;
      const ended = rows.find((r) => r.state === 'unbilled' && Date.parse(r.end) < NOW.getTime() && r.customers.length > 0 && r.customers[0]!.name !== '')!;
      const later = rows.find((r) => r.state === 'unbilled' && Date.parse(r.end) > NOW.getTime())!;
      const short = shortId(ended.id);
      const customer = ended.customers[0]!.name;

      const marked = await cli(['no-show', short]);
      expect(marked).toMatchObject({ code: 0, err: '' });
      expect(marked.out).toMatch(
        new RegExp(`^Marked ${escape(ended.serviceName)} with .*${escape(customer)}.* on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} as a no-show\\n$`),
      );
      expect(marked.out).not.toContain(ended.id);
      expect(marked.out).not.toContain(short);
      expect((await cli(['no-show', short])).out).toMatch(/was marked as a no-show already\n$/);
      const listed = (JSON.parse((await cli(['unbilled', '--state', 'all', '--json'])).out) as { rows: ListedRow[] }).rows;
      expect(listed.find((r) => r.id === ended.id)!.noShow).toBe(true);

      const undone = await cli(['no-show', short, '--undo']);
      expect(undone).toMatchObject({ code: 0, out: expect.stringMatching(/ is no longer a no-show\n$/) });
      expect((await cli(['no-show', short, '--undo'])).out).toMatch(/was not marked as a no-show: nothing to undo\n$/);

      const refused = await cli(['no-show', shortId(later.id)]);
      expect(refused).toEqual({ code: 1, out: '', err: 'The appointment has not ended yet: it stays as it was\n' });
      expect((await cli(['no-show'])).code).toBe(2);
      expect((await cli(['help'])).out).toMatch(/no-show\s+Mark an ended appointment as a no-show/);
    } finally {
      await Promise.all([graph.close(), bc.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
