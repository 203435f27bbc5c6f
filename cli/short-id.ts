import { createHash } from 'node:crypto';

/**
 * Graph appointment ids are ~150 characters that differ only deep inside, too long to type. The CLI
 * shows the first 8 hex digits of their SHA-256 (as git shows commits) and accepts any unique prefix of
 * it, of at least 4 digits, or the whole id.
 */
export const SHORT_ID_LENGTH = 8;
const MIN_PREFIX = 4;

export function shortId(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, SHORT_ID_LENGTH);
}

export type ResolvedId = { ok: true; id: string } | { ok: false; problem: 'none' | 'ambiguous'; matches: string[] };

/** `text` as a whole id, or as a short id's prefix among `ids`. */
export function resolveShortId(ids: readonly string[], text: string): ResolvedId {
  if (ids.includes(text)) return { ok: true, id: text };
  const prefix = text.toLowerCase();
  if (!/^[0-9a-f]+$/.test(prefix) || prefix.length < MIN_PREFIX) return { ok: false, problem: 'none', matches: [] };
  const matches = ids.filter((id) => shortId(id).startsWith(prefix));
  if (matches.length === 1) return { ok: true, id: matches[0]! };
  return { ok: false, problem: matches.length === 0 ? 'none' : 'ambiguous', matches };
}
