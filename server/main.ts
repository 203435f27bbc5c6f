import path from 'node:path';
import { sql } from 'kysely';
import { ConfigError, loadConfig, type Config } from '../service/config/config';
import { clockOf, createAppServices } from '../service/app/app-services';
import { boundHeapGrowth } from '../service/app/heap-growth';
import { IntervalScheduler } from '../service/jobs/scheduler';
import { syncTask } from '../service/jobs/sync-schedule';
import { realTimers } from '../service/jobs/timers';
import { createLogger } from '../service/logging/logger';
import { openStore } from '../service/store';
import { startSandbox } from '../sandbox/start-sandbox';
import { createHttpServer, listen, listenHost } from './http-server';
import { dailyCardPreview, registerBot } from '../bot';

/** `npm start`: the composition root. Sandbox mode also starts the two emulators, seeded. */
async function main(): Promise<void> {
  boundHeapGrowth();
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const clock = clockOf(config);
  const closers: Array<() => Promise<void>> = [];
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    for (const close of closers.reverse()) await close().catch((e: unknown) => logger.error({ err: e }, 'while stopping'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.mode === 'sandbox') {
    if (config.auth.mode !== 'static') throw new Error('the sandbox needs AUTH_MODE=static and STATIC_ACCESS_TOKEN');
    const sandbox = await startSandbox({
      graphBaseUrl: config.graph.baseUrl,
      bcApiBaseUrl: config.bc.apiBaseUrl,
      token: config.auth.token,
      clock,
      logger,
      // Beside the database: the emulators continue from where this database left them.
      ...(config.store.kind === 'sqlite' && config.store.file === ':memory:'
        ? {}
        : { stateFile: config.store.kind === 'sqlite' ? `${config.store.file}.sandbox.json` : path.resolve('.data', 'postgres.sandbox.json') }),
    });
    closers.push(() => sandbox.close());
  }

  const store = await openStore(config.store, { logger });
  closers.push(() => store.close());

  // The Setup page's card preview is the bot's own card, drawn by the façade with the bot's renderer.
  const app = createAppServices({ config, logger, store, clock, renderDailyCard: dailyCardPreview(config.port) });
  closers.push(() => app.invoices.idle());
  closers.push(() => app.sync.stop());
  // Work a previous process left half done continues before anything new starts.
  const resumed = await app.sync.resumeInterrupted();
  if (resumed.length > 0) logger.info({ syncRuns: resumed }, 'resumed interrupted syncs');
  void app.invoices.resumeInterrupted().then(
    (runs) => runs.length > 0 && logger.info({ invoiceRuns: runs.map((r) => r.id) }, 'resumed interrupted invoice runs'),
    (e: unknown) => logger.error({ err: e }, 'resuming interrupted invoice runs failed'),
  );
  // Runs left behind by a killed CLI or another process continue here without waiting for a restart.
  app.invoices.watchInterrupted();
  closers.push(async () => app.invoices.stopWatching());
  // Leases expire by the app's clock, the same one the tasks read.
  const scheduler = new IntervalScheduler({ db: store.db, timers: { ...realTimers, now: clock } });
  // The first sync starts at once: a fresh install has nothing to show until it has run.
  scheduler.add(syncTask({ runner: app.sync, setup: app.setupService, businessId: app.businessId, logger }), 0);
  closers.push(() => scheduler.stop());

  const server = createHttpServer({
    logger,
    api: { services: app },
    trustedProxyHops: config.trustedProxyHops,
    health: { mode: config.mode, store: store.kind, ping: async () => void (await sql`select 1`.execute(store.db)) },
  });
  const bot = registerBot(server, app);
  scheduler.add(bot.summaryTask);
  scheduler.add(bot.overdueTask);
  scheduler.add(bot.autoInvoiceTask);
  closers.push(() => bot.stop());
  const host = listenHost(config.mode, config.host, (message) => {
    logger.warn({ host: config.host }, message);
    process.stderr.write(`\n${message}\n\n`);
  });
  const port = await listen(server, config.port, host);
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  );

  const origin = `http://localhost:${port}`;
  const lines = [
    `Bookings Invoicing is running (${config.mode} mode, ${store.kind} store).`,
    `  App:               ${origin}/`,
    `  Health:            ${origin}/api/health`,
    ...(config.mode === 'sandbox'
      ? [`  Graph Bookings:    ${config.graph.baseUrl}  (emulator)`, `  Business Central:  ${config.bc.apiBaseUrl}  (emulator)`]
      : [`  Graph:             ${config.graph.baseUrl}`, `  Business Central:  ${config.bc.apiBaseUrl}`]),
    'Press Ctrl-C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`Start-up failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
