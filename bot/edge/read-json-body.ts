import type { IncomingMessage } from 'node:http';

/** Teams activities are a few KB; a card action's data a little more. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: 400 | 413; reason: string };

/** The request's JSON body, read up to `limit` bytes: beyond that the connection is cut, not drained. */
export async function readActivityBody(req: IncomingMessage, limit: number = MAX_ACTIVITY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, status: 413, reason: 'activity too large' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { ok: false, status: 413, reason: 'activity too large' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, reason: 'the body is not JSON' };
  }
}
