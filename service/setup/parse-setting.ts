import { z } from 'zod';
import { shapeOf, schemaAt, unwrap } from './schema-walk';

/*
 * `setup set key=value ...`: each dotted key names one setting and its text is coerced by the
 * type the setup schema gives that setting. The values are only coerced here; applySetupPatch
 * validates them (ranges, formats) and reports problems with the same dotted keys.
 */

export type SettingAssignments = { ok: true; patch: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

const TRUE_WORDS = new Set(['true', 'yes', 'ja', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'nej', 'off', '0']);
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

type Coerced = { value: unknown } | { error: string };

function coerceList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function literalOptions(options: readonly z.core.$ZodType[]): unknown[] {
  return options.flatMap((option) => {
    const def = unwrap(option)._zod.def as { type: string; values?: unknown[] };
    return def.type === 'literal' ? (def.values ?? []) : [];
  });
}

function coerce(key: string, schema: z.core.$ZodType, text: string): Coerced {
  const def = unwrap(schema)._zod.def as { type: string; options?: readonly z.core.$ZodType[] };
  switch (def.type) {
    case 'object':
      return { error: `This is a group of settings: set its fields, such as ${key}.${Object.keys(shapeOf(schema) ?? {})[0]}` };
    case 'boolean': {
      const word = text.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { error: 'Use true or false (yes/no, ja/nej)' };
    }
    case 'number':
      if (text.trim() === '') return { value: null };
      return NUMBER.test(text.trim()) ? { value: Number(text.trim()) } : { error: 'Use a number written with digits, such as 15' };
    case 'array':
      return { value: coerceList(text) };
    case 'union': {
      // A choice between a word and a list (conversationIds: all, or ids).
      const literal = literalOptions(def.options ?? []).find((v) => v === text.trim());
      return literal !== undefined ? { value: literal } : { value: coerceList(text) };
    }
    default:
      // Blank clears a setting, unless blank is itself a valid value (a currency code: local currency).
      if (text === '') return { value: z.safeParse(schema, '').success ? '' : null };
      return { value: text };
  }
}

function unknownKeyError(path: readonly string[]): string {
  for (let depth = path.length - 1; depth >= 0; depth -= 1) {
    const parent = path.slice(0, depth);
    const parentSchema = schemaAt(parent);
    const keys = parentSchema === undefined ? undefined : shapeOf(parentSchema);
    if (keys !== undefined) {
      const names = Object.keys(keys).map((k) => [...parent, k].join('.'));
      return `Not a setting: use one of ${names.join(', ')}`;
    }
  }
  return 'Not a setting';
}

function setIn(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
    else node = node[key] = {};
  }
  node[path[path.length - 1]!] = value;
}

/** Parses `key=value` arguments into a setup patch, or reports a problem per key. */
export function parseSettingAssignments(args: readonly string[]): SettingAssignments {
  const patch: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      errors[arg] = 'Write key=value, such as syncIntervalMinutes=30';
      continue;
    }
    const key = arg.slice(0, eq).trim();
    const text = arg.slice(eq + 1);
    const path = key.split('.');
    if (seen.has(key)) {
      errors[key] = 'Set each setting only once';
      continue;
    }
    seen.add(key);
    const schema = schemaAt(path);
    if (schema === undefined || path.some((p) => p === '')) {
      errors[key] = unknownKeyError(path);
      continue;
    }
    const coerced = coerce(key, schema, text);
    if ('error' in coerced) errors[key] = coerced.error;
    else setIn(patch, path, coerced.value);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, patch };
}
