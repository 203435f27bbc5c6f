import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createStaticTab } from './static-tab';

let dir: string;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.css'), 'body{}');
  fs.writeFileSync(path.join(dir, 'icon.svg'), '<svg/>');
  fs.writeFileSync(path.join(os.tmpdir(), 'outside-tab.txt'), 'secret');
  server = http.createServer(createStaticTab(dir));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), 'outside-tab.txt'), { force: true });
});

const get = async (p: string) => {
  const res = await fetch(`${origin}${p}`);
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), text: await res.text() };
};

test('index.html at /, and for any /tab/ page (the tab routes itself)', async () => {
  for (const p of ['/', '/tab', '/tab/unbilled', '/tab/setup/roles']) {
    const res = await get(p);
    expect([p, res.status, res.type, res.cache]).toEqual([p, 200, 'text/html; charset=utf-8', 'no-cache']);
    expect(res.text).toContain('id="root"');
  }
});

test('hashed assets with their type and a long cache, also under /tab/', async () => {
  expect(await get('/assets/index-abc123.js')).toMatchObject({
    status: 200,
    type: 'text/javascript; charset=utf-8',
    cache: 'public, max-age=31536000, immutable',
  });
  expect(await get('/tab/assets/index-abc123.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
  expect(await get('/icon.svg')).toMatchObject({ status: 200, type: 'image/svg+xml', cache: 'no-cache' });
});

test('no file outside the build, and 404 for a missing file outside /tab/', async () => {
  expect((await get('/..%2foutside-tab.txt')).text).not.toBe('secret');
  expect((await get('/%2e%2e/outside-tab.txt')).text).not.toBe('secret');
  expect((await get('/missing.js')).status).toBe(404);
});

test('without a build, the pages say how to build it', async () => {
  const bare = http.createServer(createStaticTab(path.join(dir, 'not-there')));
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const res = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/tab/x`);
  expect(await res.text()).toContain('npm run build:tab');
  await new Promise<void>((resolve) => bare.close(() => resolve()));
});
