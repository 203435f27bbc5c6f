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

/** The words of every refusal: the caller cannot mend a cursor, only ask from an answer again. */
export const CURSOR_REFUSED = 'Use the after of an earlier answer with the same sort, direction and state';

/** The request's `after` is no cursor this list gave for its sort, direction and state; nothing was read. */
export class ListCursorError extends Error {
  /** As the request schema's issues would name it, so a face answers it as any other refused field. */
  readonly issues: z.core.$ZodIssue[] = [{ code: 'custom', path: ['after'], message: CURSOR_REFUSED }];

  constructor() {
    super(CURSOR_REFUSED);
    this.name = 'ListCursorError';
  }
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

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, d: cursor.direction, f: cursor.state, k: cursor.keys })).toString('base64url');
}

/** The cursor's fields as encoded, or undefined when the text is no cursor of this list. */
export function decodeCursor(text: string): { sort: string; direction: string; state: string; keys: CursorValue[] } | undefined {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { sort: parsed.data.s, direction: parsed.data.d, state: parsed.data.f, keys: parsed.data.k } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The keys of `text` where it is a cursor of `request`'s sort, direction and state with `keyCount` keys
 * (one per term of that order), else ListCursorError: the one check of a cursor, where it is applied.
 */
export function cursorKeys(text: string, request: Omit<ListCursor, 'keys'>, keyCount: number): CursorValue[] {
  const cursor = decodeCursor(text);
  const fits =
    cursor !== undefined &&
    cursor.sort === request.sort &&
    cursor.direction === request.direction &&
    cursor.state === request.state &&
    cursor.keys.length === keyCount;
  if (!fits) throw new ListCursorError();
  return cursor.keys;
}
