import type { IncomingMessage } from 'node:http';
import { MAX_DRAIN_BYTES } from '../../service/config/request-limits';

/** Teams activities are a few KB; a card action's data a little more. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: 400 | 413; reason: string };

const TOO_LARGE: BodyResult = { ok: false, status: 413, reason: 'activity too large' };

/**
 * The request's JSON body, kept up to `limit` bytes. A larger one is read to its end and dropped (up
 * to the tab API's drain bound), so the sender reads the 413 rather than a reset connection.
 */
export async function readActivityBody(req: IncomingMessage, limit: number = MAX_ACTIVITY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_DRAIN_BYTES) return TOO_LARGE;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DRAIN_BYTES) return TOO_LARGE;
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) return TOO_LARGE;
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, reason: 'the body is not JSON' };
  }
}
