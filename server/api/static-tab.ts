import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

// Vite names what it puts under assets/ by content hash: such a file never changes.
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bookings Invoicing</title></head>
<body><h1>Bookings Invoicing</h1><p>The tab is not built: run <code>npm run build:tab</code>, then reload this page.</p>
<p>The API answers under <a href="/api/health">/api/health</a>.</p></body></html>
`;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** The file under `root` a URL path names, or undefined when it names none (or tries to leave root). */
function fileAt(root: string, urlPath: string): string | undefined {
  const resolved = path.resolve(root, `.${path.posix.normalize(urlPath)}`);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return undefined;
  try {
    return fs.statSync(resolved).isFile() ? resolved : undefined;
  } catch {
    return undefined;
  }
}

const isTabPage = (urlPath: string) => urlPath === '/' || urlPath === '/tab' || urlPath.startsWith('/tab/');

/**
 * The built tab (Vite's tabs/dist) at / and under /tab/ (the manifest's content URLs): a file when
 * one matches, else index.html, so the tab's own router handles the path.
 */
export function createStaticTab(distDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = path.resolve(distDir);
  return (req, res) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad path\n');
      return;
    }
    const file = fileAt(root, urlPath) ?? (urlPath.startsWith('/tab/') ? fileAt(root, urlPath.slice('/tab'.length)) : undefined);
    const page = file === undefined && isTabPage(urlPath) ? fileAt(root, '/index.html') : undefined;
    const target = file ?? page;
    if (target === undefined) {
      if (isTabPage(urlPath)) send(res, 200, 'text/html; charset=utf-8', NOT_BUILT);
      else send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
      return;
    }
    const hashed = target.startsWith(path.join(root, 'assets') + path.sep);
    const stat = fs.statSync(target);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(stat.size),
      'cache-control': hashed ? IMMUTABLE : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(target)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
