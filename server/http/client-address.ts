import type { IncomingMessage } from 'node:http';

/** `203.0.113.5:50312` → `203.0.113.5`, `[2001:db8::1]:443` → `2001:db8::1`; a bare IPv6 address stays whole. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4 ? v4[1]! : entry;
}

/**
 * The address a per-address limit counts a request against. Behind reverse proxies (App Service's
 * front end) every request comes from a proxy's address, so one bucket would hold every client and
 * anyone could spend it for all: with `trustedHops` proxies in front, the client is the entry the
 * farthest trusted proxy appended to X-Forwarded-For, `trustedHops` from the right. Entries further
 * left are the client's own to write, and never read. Without a trusted proxy, the socket's address.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedHops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const entry = entries[entries.length - trustedHops];
  return entry === undefined ? socket : withoutPort(entry);
}
