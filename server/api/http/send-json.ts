import type { ServerResponse } from 'node:http';

/*
 * JSON whose <, > and & are \u-escaped: the same data once parsed, but markup in a customer's or
 * service's name can never be read as HTML, even by a client that sniffs.
 */
const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

export function jsonText(body: unknown): string {
  return JSON.stringify(body).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : jsonText(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}
