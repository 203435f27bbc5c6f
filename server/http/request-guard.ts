import type { IncomingMessage } from 'node:http';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 415; code: string; message: string };

const hostnameOf = (host: string): string | undefined => {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
};

/** In the sandbox, which trusts its callers without a token, only a loopback Host name (no DNS rebinding). */
export function sandboxHostVerdict(req: IncomingMessage, mode: 'sandbox' | 'live'): GuardVerdict {
  if (mode === 'sandbox' && !LOOPBACK_HOSTS.has(hostnameOf(req.headers.host ?? '') ?? '')) {
    return { ok: false, status: 403, code: 'forbidden', message: 'The sandbox answers only on localhost, 127.0.0.1 or [::1]' };
  }
  return { ok: true };
}

/**
 * Checks a browser cannot be tricked into passing, on every mutating /api/ request:
 * - `application/json` only: a cross-site form or `text/plain` fetch can send neither it nor a
 *   preflight-free JSON body, so no other site can make a signed-in browser act (CSRF);
 * - an Origin, when sent, must be this server's own (Sec-Fetch-Site cross-site likewise);
 * - in the sandbox, which trusts the caller without a token, the Host must be a loopback name, so a
 *   rebinding DNS name pointing at 127.0.0.1 cannot reach the API from a page on the web.
 */
export function guardRequest(req: IncomingMessage, mode: 'sandbox' | 'live'): GuardVerdict {
  const host = req.headers.host ?? '';
  const sandboxHost = sandboxHostVerdict(req, mode);
  if (!sandboxHost.ok) return sandboxHost;
  if (!MUTATING.has(req.method ?? '')) return { ok: true };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost !== host) return { ok: false, status: 403, code: 'forbidden', message: 'Requests from another site are not accepted' };
  } else if (origin === 'null' || req.headers['sec-fetch-site'] === 'cross-site') {
    return { ok: false, status: 403, code: 'forbidden', message: 'Requests from another site are not accepted' };
  }
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return { ok: false, status: 415, code: 'invalid_body', message: 'Send the request as JSON with Content-Type: application/json' };
  }
  return { ok: true };
}
