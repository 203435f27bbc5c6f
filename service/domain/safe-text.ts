import { z } from 'zod';

/*
 * Text from outside (a path id, a query field, a selection, a setup field, a chat command) must not
 * carry control characters: PostgreSQL cannot store NUL at all (it failed the request with 500),
 * and the others corrupt logs, terminals and cards. One rule, applied at every boundary.
 */

/** C0 controls (tab, line feed and carriage return included), DEL and the C1 controls. */
const IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;
/** As IN_LINE, but tab and line breaks are allowed: for free text such as a reason. */
const IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const CONTROL_CHARACTER_MESSAGE = 'Use text without control characters (such as NUL)';

/** Single-line text: ids, names, filters. */
export const hasControlCharacters = (text: string): boolean => IN_LINE.test(text);

/** Free text, where tabs and line breaks are allowed. */
export const hasUnsafeTextCharacters = (text: string): boolean => IN_TEXT.test(text);

/** A string schema that refuses control characters (`multiLine` allows tabs and line breaks). */
export function safeText(error: string, options: { multiLine?: boolean } = {}) {
  const unsafe = options.multiLine ? hasUnsafeTextCharacters : hasControlCharacters;
  return z.string({ error }).refine((v) => !unsafe(v), { error: CONTROL_CHARACTER_MESSAGE });
}

/**
 * The dotted path of the first string inside a JSON value that holds a control character (line
 * breaks and tabs allowed), or undefined. Keys are checked too. Used on whole request bodies and
 * activities, before any schema, so no route can forget it.
 */
export function findUnsafeText(value: unknown, path: readonly string[] = [], depth = 0): string[] | undefined {
  if (typeof value === 'string') return hasUnsafeTextCharacters(value) ? [...path] : undefined;
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnsafeText(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (hasUnsafeTextCharacters(key)) return [...path, key];
    const found = findUnsafeText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** `.refine(...noControlCharacters)` on a string schema: the single-line rule with its message. */
export const noControlCharacters = [(v: string) => !hasControlCharacters(v), { error: CONTROL_CHARACTER_MESSAGE }] as const;
