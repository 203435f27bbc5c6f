import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as an emulator route sees it: path parameters already decoded, query from the URL. */
export interface RouteRequest {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** The raw body text ('' when there is none). Parse with readJsonBody. */
  body: string;
  raw: IncomingMessage;
}

export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string (sent as is). Undefined: no body. */
  body?: unknown;
}

export type RouteHandler = (req: RouteRequest) => RouteResponse | Promise<RouteResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

/**
 * A minimal router for the emulators. Path templates use `:name` for a segment; a segment written
 * as `companies(:id)` matches OData key syntax. Parameters are URI-decoded.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: RouteHandler): this {
    const names: string[] = [];
    const source = template
      .replace(/[.*+?^${}|[\]\\]/g, (c) => (c === '$' ? '\\$' : `\\${c}`))
      .replace(/\\?\(/g, '\\(')
      .replace(/\\?\)/g, '\\)')
      .replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
        names.push(name);
        return '([^/()]+)';
      });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /** The handler for a method and path, or why there is none. */
  match(method: string, pathname: string): { handler: RouteHandler; params: Record<string, string> } | 'not-found' | 'method-not-allowed' {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]!);
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method-not-allowed' : 'not-found';
  }
}

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses a JSON body; `undefined` for an empty body, `SyntaxError` for invalid JSON. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  return JSON.parse(text);
}

export function send(res: ServerResponse, out: RouteResponse): void {
  const headers: Record<string, string> = { ...out.headers };
  let payload: string | undefined;
  if (out.body !== undefined) {
    payload = typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
    headers['content-type'] ??= typeof out.body === 'string' ? 'text/html; charset=utf-8' : 'application/json; odata.metadata=minimal; charset=utf-8';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}
