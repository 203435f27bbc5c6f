import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashKey, mulberry32 } from '../../sandbox/seed/prng';
import { SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { openStore, type AppStore } from '../../service/store';
import { executeActions } from '../../bot/actions/testing/card-walk';
import { startStandInConnector, type StandInConnector } from '../../bot/edge/testing/stand-in-connector';
import { CHAOS_CLOCK_START, CHAOS_HTTP_TIMEOUT_MS, CHAOS_TOKEN, SETTLE_CLOCK_SKIP_MS } from './chaos-config';
import { EmulatorApi, type BcInvoice } from './emulator-api';
import { startedSyncSchema } from '../../contract/api-contract';
import { checkInvariants, collectSnapshot, type Violation } from './invariants';
import { drain, firstLine, freePort, sleep, spawnScript, waitFor, within, type Child, type Launcher } from './processes';

export type StoreKind = 'sqlite' | 'postgres';

export interface TrialOptions {
  seed: number;
  store: StoreKind;
  processes: number;
  /** Where the trial's database file and logs go; removed after a passing trial. */
  workDir: string;
  postgresUrl: string;
  /** A short trial (CI): the same kinds of work and faults, fewer of them and closer together. */
  short?: boolean;
  /** How the emulators, app and CLI processes start (see CHAOS_SCRIPTS). */
  launch: Launcher;
}

/** The entry points a trial starts as processes of their own. */
export const CHAOS_SCRIPTS = ['tools/chaos/emulators-main.ts', 'server/main.ts', 'cli/main.ts'] as const;

export interface TrialResult {
  seed: number;
  faults: Record<string, number>;
  /** What the trial got done: drafts it left in Business Central, and its invoice runs by how they ended. */
  work: Record<string, number>;
  violations: Violation[];
  /** Why the trial could not be judged (did not settle, a process would not start): a failure too. */
  error?: string;
  ms: number;
  logDir: string;
}

/** A seeded source of choices for one trial. */
class Chance {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(hashKey(seed, 'chaos'));
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const DAY = 86_400_000;

/** The Teams user who clicks the bot's cards: a member of the sandbox's tenant, so the first-run rule makes them an invoicer. */
const BOT_USER = { id: '29:chaos-invoicer', name: 'Chaos Invoicer', aadObjectId: '0c4a05c0-0000-4000-8000-00000000c4a0' };
const BOT_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A database of the trial's own: a SQLite file, or a PostgreSQL database created for it. */
async function trialDatabase(o: TrialOptions): Promise<{ url: string; drop(): Promise<void> }> {
  if (o.store === 'sqlite') {
    const file = path.join(o.workDir, 'bookings.db');
    return { url: file, drop: async () => undefined };
  }
  const name = `chaos_${o.seed}_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: o.postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(o.postgresUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/**
 * One trial: fresh emulators and database, app processes, a seeded schedule of syncs and invoice runs
 * under faults, then calm, settling (resume until nothing is unfinished) and the invariant check.
 */
export async function runTrial(o: TrialOptions): Promise<TrialResult> {
  const started = Date.now();
  let failed = true;
  const rnd = new Chance(o.seed);
  const faults: Record<string, number> = {};
  const fault = (kind: string) => void (faults[kind] = (faults[kind] ?? 0) + 1);
  fs.mkdirSync(o.workDir, { recursive: true });
  const logDir = o.workDir;
  const children = new Set<Child>();
  const track = (c: Child) => {
    children.add(c);
    void c.exited.then(() => children.delete(c));
    return c;
  };
  // Every process reads one business clock: the fixed start plus the real time elapsed, plus the settle skip.
  let skipMs = 0;
  const virtualNow = () => new Date(CHAOS_CLOCK_START.getTime() + (Date.now() - started) + skipMs);

  const events = fs.createWriteStream(path.join(logDir, 'events.log'));
  const event = (text: string) => events.write(`${((Date.now() - started) / 1000).toFixed(2)} ${text}\n`);
  const db = await trialDatabase(o);
  let store: AppStore | undefined;
  // Where the bot posts its cards (the Bot Framework connector's stand-in): the trial reads the Invoice all button there.
  let connector: StandInConnector | undefined;
  const emulators = track(
    spawnScript(
      'emulators',
      o.launch,
      'tools/chaos/emulators-main.ts',
      [],
      { ...process.env, CHAOS_EMULATOR_SEED: String(o.seed), CHAOS_CLOCK_START: CHAOS_CLOCK_START.toISOString() },
      path.join(logDir, 'emulators.log'),
    ),
  );
  try {
    event('emulators starting');
    const urls = JSON.parse(await firstLine(emulators, 60_000)) as { graphBaseUrl: string; bcApiBaseUrl: string };
    const api = new EmulatorApi(urls.graphBaseUrl, urls.bcApiBaseUrl);
    const baseline = {
      invoiceIds: new Set((await api.bcInvoices()).map((i) => i.id)),
      customerIds: new Set((await api.bcCustomers()).map((c) => c.id)),
    };
    const appEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
      ...process.env,
      APP_ENV: 'sandbox',
      DATABASE_URL: db.url,
      GRAPH_BASE_URL: urls.graphBaseUrl,
      BC_API_BASE_URL: urls.bcApiBaseUrl,
      BOOKINGS_BUSINESS_ID: SANDBOX_BUSINESS_ID,
      BC_COMPANY_ID: SANDBOX_COMPANY_ID,
      AUTH_MODE: 'static',
      STATIC_ACCESS_TOKEN: CHAOS_TOKEN,
      LOG_LEVEL: 'warn',
      SANDBOX_CLOCK_START: virtualNow().toISOString(),
      SANDBOX_HTTP_TIMEOUT_MS: String(CHAOS_HTTP_TIMEOUT_MS),
      ...extra,
    });

    // The app processes, each on its own port; a killed one is started again on the same port.
    const apps: Array<{ port: number; child: Child | undefined }> = [];
    for (let i = 0; i < o.processes; i += 1) apps.push({ port: await freePort(), child: undefined });
    const startApp = async (i: number): Promise<void> => {
      const app = apps[i]!;
      // A port found free can be taken before the app binds it (the emulators, a parallel run): then the
      // app exits at once with EADDRINUSE, and it starts again on another port. Any other early exit fails the trial.
      for (let attempt = 1; ; attempt += 1) {
        const logFile = path.join(logDir, `app${i}.log`);
        const child = track(spawnScript(`app${i}`, o.launch, 'server/main.ts', [], appEnv({ PORT: String(app.port) }), logFile, 'log'));
        app.child = child;
        let exited = false;
        void child.exited.then(() => (exited = true));
        const up = await waitFor(
          async () => exited || (await fetch(`http://127.0.0.1:${app.port}/api/health`, { signal: AbortSignal.timeout(1000) })).ok,
          60_000,
        );
        if (up && !exited) return;
        if (exited && attempt < 3 && fs.readFileSync(logFile, 'utf8').includes('EADDRINUSE')) {
          event(`app${i} found port ${app.port} taken; starting it on another`);
          app.port = await freePort();
          continue;
        }
        throw new Error(exited ? `app${i} exited before it answered /api/health` : `app${i} did not answer /api/health within 60 s`);
      }
    };
    let cliCount = 0;
    const cli = (args: string[]): { child: Child; out: () => string } => {
      cliCount += 1;
      const child = track(spawnScript(`cli${cliCount}`, o.launch, 'cli/main.ts', args, appEnv({}), path.join(logDir, `cli${cliCount}-${args[0]}.log`)));
      return { child, out: drain(child) };
    };
    connector = await startStandInConnector();
    const serviceUrl = connector.serviceUrl;
    const cardsSent = connector;
    /** An activity as Teams sends it to the bot, in a conversation of its own per bot action (so each finds its own card). */
    const activity = (conversationId: string, extra: Record<string, unknown>) => ({
      channelId: 'msteams',
      serviceUrl,
      timestamp: virtualNow().toISOString(),
      locale: 'en-US',
      from: BOT_USER,
      recipient: { id: '28:bot', name: 'Bookings' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: BOT_TENANT },
      channelData: { tenant: { id: BOT_TENANT } },
      ...extra,
    });
    const botPost = async (i: number, body: Record<string, unknown>): Promise<number> => {
      const res = await fetch(`http://127.0.0.1:${apps[i]!.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      await res.text();
      return res.status;
    };
    let botActions = 0;
    /**
     * The bot's "Invoice all", over HTTP as Teams drives it: "invoice <period>" in chat, the preview
     * card the bot posts to the connector, then the card's Invoice all (Action.Execute), once or twice at once.
     */
    const botInvoiceAll = async (): Promise<void> => {
      botActions += 1;
      const conversationId = `a:chaos-${botActions}`;
      const { from, to } = periods();
      const status = await botPost(
        rnd.int(0, apps.length - 1),
        activity(conversationId, { type: 'message', id: `m-${botActions}`, text: `invoice ${from}..${to}` }),
      );
      const mine = cardsSent.cards((c) => c.url.includes(encodeURIComponent(conversationId)));
      const withButton = mine.find((c) => executeActions(c.card).some((a) => a.verb === 'invoiceAll'));
      if (withButton === undefined) {
        event(`bot preview ${from}..${to} answered ${status}, no Invoice all button (${mine.length} cards)`);
        return;
      }
      const action = executeActions(withButton.card).find((a) => a.verb === 'invoiceAll')!;
      // The connector answered the card's post with this id; Teams sends it back as the click's replyToId.
      const replyToId = `act-${cardsSent.calls.indexOf(withButton.call) + 1}`;
      const click = (i: number, n: number) =>
        botPost(
          i,
          activity(conversationId, {
            type: 'invoke',
            name: 'adaptiveCard/action',
            id: `i-${botActions}-${n}`,
            replyToId,
            value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
          }),
        );
      if (rnd.chance(0.4)) {
        fault('double click (bot Invoice all)');
        const statuses = await Promise.all([click(rnd.int(0, apps.length - 1), 1), click(rnd.int(0, apps.length - 1), 2)]);
        event(`bot Invoice all double click answered ${statuses.join(', ')}`);
      } else {
        event(`bot Invoice all answered ${await click(rnd.int(0, apps.length - 1), 1)}`);
      }
    };
    const tab = async (i: number, method: string, route: string, body: unknown): Promise<number> => {
      const app = apps[i]!;
      const res = await fetch(`http://127.0.0.1:${app.port}${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      await res.text();
      return res.status;
    };

    event('emulators up');
    // Together, as a deployment starts them: the migrations take their lock.
    await Promise.all(apps.map((_, i) => startApp(i)));
    event('apps up');
    store = await openStore(o.store === 'sqlite' ? { kind: 'sqlite', file: db.url } : { kind: 'postgres', url: db.url });
    const sdb = store.db;
    // The apps sync at start; the schedule begins once one sync went through, so there is something to invoice.
    const firstSync = await waitFor(
      async () => (await sdb.selectFrom('sync_runs').select('id').where('state', '=', 'succeeded').execute()).length > 0,
      60_000,
      200,
    );
    if (!firstSync) throw new Error('the first sync did not succeed within 60 s');
    event('first sync done');

    const today = virtualNow();
    const periods = () => {
      const from = new Date(today.getTime() - rnd.int(2, 20) * DAY);
      const to = new Date(Math.min(today.getTime(), from.getTime() + rnd.int(1, 14) * DAY));
      return { from: isoDay(from), to: isoDay(to) };
    };
    const pending: Array<Promise<unknown>> = [];
    const runCli = async (args: string[], killAfterMs: number | undefined): Promise<void> => {
      const run = cli(args);
      if (killAfterMs !== undefined) {
        if ((await within(run.child.exited, killAfterMs)) === 'timeout') {
          run.child.kill9();
          fault('kill -9 CLI');
        }
      }
      if ((await within(run.child.exited, 90_000)) === 'timeout') run.child.kill9();
    };
    const someDraft = async (): Promise<BcInvoice | undefined> => {
      const drafts = (await api.bcInvoices()).filter((i) => i.status === 'Draft' && !baseline.invoiceIds.has(i.id));
      return drafts.length === 0 ? undefined : rnd.pick(drafts);
    };
    const someAppointment = async () => {
      const list = await api.appointments(new Date(today.getTime() - 21 * DAY), today);
      return list.length === 0 ? undefined : rnd.pick(list);
    };

    const actions: Array<() => Promise<void>> = [
      async () => runCli(['invoice', '--period', `${periods().from}..${periods().to}`, '--yes'], rnd.chance(0.35) ? rnd.int(300, 4000) : undefined),
      async () =>
        runCli(
          ['invoice', '--period', rnd.pick(['last-week', 'this-month', 'last-month', 'this-week']), '--yes'],
          rnd.chance(0.35) ? rnd.int(300, 4000) : undefined,
        ),
      async () => runCli(['sync'], rnd.chance(0.3) ? rnd.int(200, 3000) : undefined),
      async () => {
        const i = rnd.int(0, apps.length - 1);
        const selection = { kind: 'filter', ...periods() };
        if (rnd.chance(0.4)) {
          fault('double click');
          const j = rnd.int(0, apps.length - 1);
          const statuses = await Promise.all([tab(i, 'POST', '/api/invoice-runs', { selection }), tab(j, 'POST', '/api/invoice-runs', { selection })]);
          event(`double click answered ${statuses.join(', ')}`);
        } else {
          event(`tab invoice run answered ${await tab(i, 'POST', '/api/invoice-runs', { selection })}`);
        }
      },
      async () => void event(`tab sync answered ${await tab(rnd.int(0, apps.length - 1), 'POST', '/api/sync', {})}`),
      botInvoiceAll,
      async () => {
        const i = rnd.int(0, apps.length - 1);
        apps[i]!.child?.kill9();
        fault('kill -9 app');
        await sleep(rnd.int(200, 2000));
        await startApp(i);
      },
      async () => {
        const kind = rnd.pick(['500', '503', 'reset'] as const);
        fault(`Business Central ${kind}`);
        await api.patchBc({ faultRate: rnd.pick([0.05, 0.15, 0.3]), faultKinds: [kind] });
      },
      async () => {
        fault('Business Central 429 storm');
        await api.patchBc(rnd.chance(0.5) ? { maxConcurrent: 1, maxQueued: 0 } : { rateLimit: { maxRequests: rnd.int(5, 30), windowMs: 3_000 } });
      },
      async () => {
        fault('Graph 429 storm');
        await api.patchGraph({ maxConcurrentPerMailbox: 1 });
      },
      async () => {
        const kind = rnd.pick(['500', '503', 'reset'] as const);
        fault(`Graph ${kind}`);
        await api.patchGraph({ faultRate: rnd.pick([0.05, 0.15, 0.3]), faultKinds: [kind] });
      },
      async () => {
        const kind = rnd.pick(['503', 'reset'] as const);
        fault(`lost answer (${kind})`);
        await api.patchBc({ lostAnswer: { rate: rnd.pick([0.3, 0.6, 1]), kind, match: rnd.pick(['POST /$batch', 'POST ', '']) } });
      },
      async () => {
        fault('slow service (beyond the client timeout)');
        // Per operation: a batch of n drafts takes n times this, past its timeout of 2 s + 0.2 s each.
        await api.patchBc({ serviceTimeMs: rnd.pick([300, 600, 2_500]) });
      },
      async () => {
        const a = await someAppointment();
        if (a !== undefined && (await api.cancelAppointment(a.id))) fault('appointment cancelled');
      },
      async () => {
        const a = await someAppointment();
        if (a !== undefined && (await api.rescheduleAppointment(a, rnd.pick([-DAY, -2 * 3_600_000, 3_600_000, 2 * DAY])))) fault('appointment rescheduled');
      },
      async () => {
        const d = await someDraft();
        if (d !== undefined && (await api.deleteInvoice(d))) fault('draft deleted in Business Central');
      },
      async () => {
        const d = await someDraft();
        if (d !== undefined && (await api.postInvoice(d))) fault('draft posted in Business Central');
      },
      async () => {
        const on = rnd.chance(0.5);
        fault(`customer sync ${on ? 'on' : 'off'}`);
        await runCli(['setup', 'set', `syncCustomers=${on}`], undefined);
      },
    ];
    // The work is always there (invoice runs from the CLI, the tab and the bot); faults come on top.
    // Offsets spread everything over a few seconds. A short trial has one CLI run and fewer extras:
    // process starts are most of a trial's cost.
    const shape = o.short
      ? { work: [rnd.pick([0, 1]), 3, 5], extras: rnd.int(1, 3), spreadMs: 3_000 }
      : { work: [0, 1, 3, 5], extras: rnd.int(4, 9), spreadMs: 5_000 };
    const planned = [...shape.work, ...Array.from({ length: shape.extras }, () => rnd.int(0, actions.length - 1))];
    for (const index of planned) {
      const at = rnd.int(0, shape.spreadMs);
      pending.push(
        sleep(at)
          .then(() => (event(`action ${index} starts`), actions[index]!()))
          .then(() => event(`action ${index} done`))
          .catch((e: unknown) => event(`action ${index} failed: ${e instanceof Error ? e.message : String(e)}`)),
      );
    }
    event('chaos');
    await Promise.all(pending);
    event('chaos over');

    // Calm: no more faults, the clock jumps past every lease and heartbeat, and every process starts afresh.
    await api.patchBc({
      faultRate: 0,
      faultSchedule: null,
      lostAnswer: { rate: 0, kind: '503', match: '' },
      serviceTimeMs: 0,
      maxConcurrent: 5,
      maxQueued: 95,
      rateLimit: { maxRequests: 6000, windowMs: 300_000 },
    });
    await api.patchGraph({ faultRate: 0, faultSchedule: null, maxConcurrentPerMailbox: 4 });
    for (const c of [...children]) if (c !== emulators) c.kill9();
    await Promise.all([...children].filter((c) => c !== emulators).map((c) => c.exited));
    skipMs += SETTLE_CLOCK_SKIP_MS;
    await startApp(0);
    event('settling app up');
    const settled = async () => {
      const runs = await sdb.selectFrom('invoice_runs').select('id').where('state', 'in', ['planned', 'claimed', 'creating', 'verifying']).execute();
      const syncs = await sdb.selectFrom('sync_runs').select('id').where('state', 'in', ['queued', 'running', 'stopped']).execute();
      const claimed = await sdb.selectFrom('appointments').select('id').where('state', '=', 'claimed').execute();
      return runs.length === 0 && syncs.length === 0 && claimed.length === 0;
    };
    if (!(await waitFor(settled, 90_000, 500))) throw new Error('did not settle within 90 s after the faults stopped');
    event('settled');
    // A sync reconciles what people did in Business Central (deleted or posted drafts) and Bookings:
    // "Sync now" on the settling app (a CLI would cost one more process start).
    const syncNow = async (): Promise<boolean> => {
      const res = await fetch(`http://127.0.0.1:${apps[0]!.port}/api/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) return false;
      const { syncRunId } = startedSyncSchema.parse(await res.json());
      let state: string | undefined;
      await waitFor(
        async () => {
          state = (await sdb.selectFrom('sync_runs').select('state').where('id', '=', syncRunId).executeTakeFirst())?.state;
          return state === 'succeeded' || state === 'failed';
        },
        60_000,
        250,
      );
      return state === 'succeeded';
    };
    const synced = await waitFor(syncNow, 60_000, 1_000);
    if (!synced) throw new Error('the settling sync did not succeed');
    if (!(await waitFor(settled, 90_000, 500))) throw new Error('did not settle after the settling sync');

    event('synced and settled');
    const setupRow = await sdb.selectFrom('setup').select('data').executeTakeFirst();
    const pricesIncludeVat = setupRow === undefined ? true : (JSON.parse(setupRow.data) as { pricesIncludeVat?: boolean }).pricesIncludeVat !== false;
    const snapshot = await collectSnapshot(sdb, api, baseline, pricesIncludeVat);
    const work: Record<string, number> = { 'Business Central invoices created': snapshot.bc.invoices.filter((i) => !baseline.invoiceIds.has(i.id)).length };
    for (const run of snapshot.store.invoiceRuns) work[`invoice runs ${run.state}`] = (work[`invoice runs ${run.state}`] ?? 0) + 1;
    const bySource = await sdb.selectFrom('invoice_runs').select('source').execute();
    for (const { source } of bySource) work[`invoice runs from the ${source}`] = (work[`invoice runs from the ${source}`] ?? 0) + 1;
    const violations = checkInvariants(snapshot);
    failed = violations.length > 0;
    if (failed) fs.writeFileSync(path.join(logDir, 'database.txt'), `${db.url}\n`);
    return { seed: o.seed, faults, work, violations, ms: Date.now() - started, logDir };
  } catch (e) {
    fs.writeFileSync(path.join(logDir, 'database.txt'), `${db.url}\n`);
    return { seed: o.seed, faults, work: {}, violations: [], error: e instanceof Error ? e.message : String(e), ms: Date.now() - started, logDir };
  } finally {
    events.end();
    await store?.close().catch(() => undefined);
    await connector?.close().catch(() => undefined);
    for (const c of [...children]) c.kill9();
    await Promise.all([...children].map((c) => c.exited));
    // A failed trial keeps its database beside its logs, to be read.
    if (!failed) await db.drop().catch(() => undefined);
  }
}
