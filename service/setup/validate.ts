import type { z } from 'zod';
import { diff, isPlainObject, mergePatch, type Change } from './merge-patch';
import { shapeOf, schemaAt } from './schema-walk';
import { setupSchema, type Setup } from './setup-schema';

/** Field errors keyed by dotted path ('dailySummary.time'); '' is the patch as a whole. */
export type FieldErrors = Record<string, string>;

export type SetupPatchResult = { ok: true; setup: Setup; changed: string[]; changes: Change[] } | { ok: false; fields: FieldErrors };

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

function unknownKeyMessage(parent: readonly PropertyKey[]): string {
  const parentSchema = schemaAt(parent.map(String));
  const known = parentSchema === undefined ? [] : Object.keys(shapeOf(parentSchema) ?? {});
  return known.length > 0 ? `Not a setting: use one of ${known.join(', ')}` : 'Not a setting';
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.expected === 'object') {
    return 'This is a group of settings: set its fields one by one';
  }
  return issue.message;
}

/** Turns zod issues into one actionable message per dotted path (the first issue wins). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  const add = (path: string, message: string) => {
    fields[path] ??= message;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(dotted([...issue.path, key]), unknownKeyMessage(issue.path));
      continue;
    }
    // A bad list entry is reported on the list, naming the entry, so a form can show it by the field.
    const index = issue.path.findIndex((segment) => typeof segment === 'number');
    if (index >= 0) {
      const position = Number(issue.path[index]) + 1;
      add(dotted(issue.path.slice(0, index)), `Entry ${position}: ${messageOf(issue)}`);
    } else {
      add(dotted(issue.path), messageOf(issue));
    }
  }
  return fields;
}

/**
 * Applies a merge patch (objects merge, arrays replace, null resets a field to its default) to a
 * valid setup and validates the result as a whole. `changed` lists the dotted paths whose value
 * changed, for the audit log.
 */
export function applySetupPatch(current: Setup, patch: unknown): SetupPatchResult {
  if (!isPlainObject(patch)) return { ok: false, fields: { '': 'Send the settings to change as an object' } };
  if ('businessId' in patch && patch['businessId'] !== current.businessId) {
    return {
      ok: false,
      fields: { businessId: 'The Bookings business of a setup cannot change: set up the other business on its own' },
    };
  }
  const parsed = setupSchema.safeParse(mergePatch(current, patch));
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error.issues) };
  const changes = diff(current, parsed.data);
  return { ok: true, setup: parsed.data, changed: changes.map((c) => c.path), changes };
}
