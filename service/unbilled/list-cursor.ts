import { z } from 'zod';
import type { SortKey, StateFilter } from './unbilled-schemas';

/*
 * The `after` cursor of the Unbilled list (issue 14.3): the sort keys of a page's last row, so the
 * next page is found by seeking the list index to them instead of walking past every row before it
 * (an offset). Opaque to the caller: base64url of JSON. The keys are what unbilled-order.ts's
 * orderTerms() give for the sort, direction and state filter, so the cursor names those three and
 * is refused under others (their keys differ in number or meaning).
 */

/** One sort key's value as the store returned it (PostgreSQL's bigint comes as text). */
export type CursorValue = string | number | null;

export interface ListCursor {
  sort: SortKey;
  direction: 'asc' | 'desc';
  state: StateFilter;
  keys: CursorValue[];
}

const storedSchema = z.strictObject({
  s: z.string(),
  d: z.string(),
  f: z.string(),
  k: z
    .array(z.union([z.string(), z.number(), z.null()]))
    .min(1)
    .max(8),
});

// Base64url by hand: the schemas that check a cursor are shared with the tab, which has no Buffer.
function toBase64Url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(cursor: ListCursor): string {
  return toBase64Url(JSON.stringify({ s: cursor.sort, d: cursor.direction, f: cursor.state, k: cursor.keys }));
}

/** The cursor's fields as encoded, or undefined when the text is no cursor of this list. */
export function decodeCursor(text: string): { sort: string; direction: string; state: string; keys: CursorValue[] } | undefined {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(fromBase64Url(text)));
    return parsed.success ? { sort: parsed.data.s, direction: parsed.data.d, state: parsed.data.f, keys: parsed.data.k } : undefined;
  } catch {
    return undefined;
  }
}
