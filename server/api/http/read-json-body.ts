import type { IncomingMessage } from 'node:http';
import { MAX_DRAIN_BYTES } from '../../../service/config/request-limits';
import { ApiError } from '../api-error';

const tooLarge = (limit: number) => new ApiError('too_large', `The request body is larger than ${Math.floor(limit / 1024)} KB`);

/**
 * The request's JSON body, or undefined when it has none. Over `limit` bytes is 413 (the rest is
 * drained so the client reads the answer, up to MAX_DRAIN_BYTES); anything but a JSON document is 400.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > Math.max(limit, MAX_DRAIN_BYTES)) {
    req.destroy();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > Math.max(limit, MAX_DRAIN_BYTES)) {
      req.destroy();
      throw tooLarge(limit);
    }
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw tooLarge(limit);
  if (size === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError('invalid_body', 'Send the body as JSON with Content-Type: application/json');
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof SyntaxError ? `: ${e.message}` : '';
    throw new ApiError('invalid_body', `The request body is not valid JSON${detail}`);
  }
}
