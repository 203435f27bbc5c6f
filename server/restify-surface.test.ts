import fs from 'node:fs';
import path from 'node:path';

/*
 * restify 11.1.0 pins find-my-way 7.7.0, send 0.18.0 (serveStatic) and formidable 1.2.6 (bodyParser's
 * multipart), which carry advisories. The router's is reachable only through restify's own routing of
 * our fixed paths; send and formidable only through restify.plugins. This keeps the plugins unused.
 */
const ROOT = path.resolve(__dirname, '..');
const SKIP = new Set(['node_modules', '.git', 'dist', '.data', 'coverage']);
const FORBIDDEN =
  /\brestify\s*\.\s*plugins\b|\b(bodyParser|serveStatic|serveStaticFiles|multipartBodyParser|urlEncodedBodyParser|jsonBodyParser)\s*\(|from\s+['"]restify\/lib\/plugins/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) && full !== __filename ? [full] : [];
  });
}

test("no source uses restify's plugins (static server, body parsers)", () => {
  const offenders = sourceFiles(ROOT).filter((file) => FORBIDDEN.test(fs.readFileSync(file, 'utf8')));
  expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
});
