import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { applyToolkitNames } from './toolkit-names';

export type Env = Record<string, string | undefined>;

/**
 * The environment a process sees: `env/.env.<name>` (committed, non-secret), then `env/.env.<name>.user`
 * (git-ignored, secrets), then the real process environment, each overriding the one before; then the
 * Agents Toolkit's names fill the app's (toolkit-names.ts).
 */
export function loadEnv(processEnv: Env, rootDir: string): Env {
  const name = processEnv.APP_ENV ?? 'sandbox';
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
