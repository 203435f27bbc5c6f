import { ConfigError, loadConfig } from '../service/config/config';
import { clockOf } from '../service/app/app-services';
import { createLogger } from '../service/logging/logger';
import { startSandbox } from './start-sandbox';

/** `npm run sandbox`: the two emulators alone, where env/.env.sandbox points. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mode !== 'sandbox' || config.auth.mode !== 'static') {
    throw new Error('npm run sandbox needs loopback GRAPH_BASE_URL and BC_API_BASE_URL and AUTH_MODE=static');
  }
  const logger = createLogger(config.logLevel);
  const sandbox = await startSandbox({
    graphBaseUrl: config.graph.baseUrl,
    bcApiBaseUrl: config.bc.apiBaseUrl,
    token: config.auth.token,
    clock: clockOf(config),
    logger,
  });
  process.stdout.write(
    [
      'Emulators running (token from STATIC_ACCESS_TOKEN in env/.env.sandbox):',
      `  Graph Bookings:    ${sandbox.graphBaseUrl}`,
      `  Business Central:  ${sandbox.bcApiBaseUrl}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof ConfigError ? 2 : 1);
});
