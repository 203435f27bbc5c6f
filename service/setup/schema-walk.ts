import type { z } from 'zod';
import { setupSchema } from './setup-schema';

/*
 * Reads the setup schema's structure (zod 4 definitions) so that unknown-key hints and the CLI's
 * value coercion follow the schema instead of a second hand-kept list of settings.
 */

type AnySchema = z.core.$ZodType;

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'nonoptional']);

/** The schema without default/optional/nullable wrappers and without a pipe's output side. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (WRAPPERS.has(def.type) && def.innerType !== undefined) current = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) current = def.in;
    else return current;
  }
}

export function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = unwrap(schema)._zod.def as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' ? def.shape : undefined;
}

/** The schema of the setting at a dotted path, or undefined when there is no such setting. */
export function schemaAt(path: readonly string[]): AnySchema | undefined {
  let current: AnySchema = setupSchema;
  for (const key of path) {
    const shape = shapeOf(current);
    if (shape === undefined || !Object.hasOwn(shape, key)) return undefined;
    current = shape[key]!;
  }
  return current;
}
