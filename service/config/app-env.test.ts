import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from './config-error';
import { loadEnv } from './env-files';

/* APP_ENV names a file under env/: a path there would read any file the process can. */

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'app-env-'));
  fs.mkdirSync(path.join(root, 'env'));
  fs.writeFileSync(path.join(root, 'env', '.env.dev-2'), 'PORT=4010\n');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test.each(['../../etc/passwd', '../secret', 'Dev', 'dev/x', '', '-dev', 'a'.repeat(64), 'dev\u0000'])('APP_ENV=%j is refused with a clear error', (name) => {
  const attempt = () => loadEnv({ APP_ENV: name }, root);
  expect(attempt).toThrow(ConfigError);
  expect(attempt).toThrow(/APP_ENV must be an environment name such as dev, local or prod/);
});

test('a plain name reads its env file', () => {
  expect(loadEnv({ APP_ENV: 'dev-2' }, root)).toMatchObject({ APP_ENV: 'dev-2', PORT: '4010' });
});
