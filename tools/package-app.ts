import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '../service/config/env-files';
import { PROJECT_ROOT } from '../service/config/config';
import { AppPackageError, buildAppPackage } from './app-package/build-app-package';

/** `npm run package -- --env dev`: the Teams app package of one environment, without the toolkit. */
function main(): number {
  const { values } = parseArgs({ options: { env: { type: 'string', default: 'dev' } } });
  const envName = values.env;
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) {
    process.stderr.write(`--env must name a file env/.env.<name>: ${envName}\n`);
    return 2;
  }
  try {
    const built = buildAppPackage(PROJECT_ROOT, envName, loadEnv({ ...process.env, APP_ENV: envName }, PROJECT_ROOT));
    process.stdout.write(`${path.relative(PROJECT_ROOT, built.zipPath)}: ${built.entries.map((e) => e.name).join(', ')}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof AppPackageError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
}

process.exitCode = main();
