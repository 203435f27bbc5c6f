import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 1_000_000;

/**
 * CloudAdapter wants `req.body` parsed; restify leaves it unread unless a body parser ran. Bad or
 * oversized JSON leaves it unset, which the adapter answers with 400.
 */
export async function readJsonBody(req: IncomingMessage & { body?: unknown }): Promise<void> {
  if (req.body !== undefined && req.body !== null && typeof req.body === 'object') return;
  if (req.readableEnded) return;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return;
    chunks.push(buffer);
  }
  try {
    req.body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    req.body = undefined;
  }
}
