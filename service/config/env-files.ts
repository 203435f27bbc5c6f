import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { applyToolkitNames } from './toolkit-names';
import { ConfigError } from './config-error';

export type Env = Record<string, string | undefined>;

/** An environment's name becomes a file name under env/: a plain name only, never a path. */
const ENV_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The environment a process sees: `env/.env.<name>` (committed, non-secret), then `env/.env.<name>.user`
 * (git-ignored, secrets), then the real process environment, each overriding the one before; then the
 * Agents Toolkit's names fill the app's (toolkit-names.ts).
 */
export function loadEnv(processEnv: Env, rootDir: string): Env {
  const name = processEnv.APP_ENV ?? 'sandbox';
  if (!ENV_NAME.test(name)) {
    throw new ConfigError(
      'APP_ENV',
      `must be an environment name such as dev, local or prod (lower-case letters, digits and -), not ${JSON.stringify(name.slice(0, 40))}`,
    );
  }
  const merged: Env = {};
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const full = path.join(rootDir, 'env', file);
    if (existsSync(full)) Object.assign(merged, parseEnv(readFileSync(full, 'utf8')));
  }
  // An empty `KEY=` in a file is a placeholder: it means "not set", so defaults and "is required" apply.
  for (const key of Object.keys(merged)) if (merged[key] === '') delete merged[key];
  for (const [key, value] of Object.entries(processEnv)) if (value !== undefined && value !== '') merged[key] = value;
  merged.APP_ENV = name;
  return applyToolkitNames(merged);
}
