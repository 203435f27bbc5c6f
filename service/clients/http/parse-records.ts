import type { z } from 'zod';
import { InvalidResponseError } from './invalid-response-error';

/** A record of a list that did not parse; the sync records it and goes on. */
export interface InvalidRecord {
  entity: string;
  id?: string;
  /** Field paths and problems, e.g. `startDateTime.timeZone: unknown time zone "Mars Standard Time"`. */
  issues: string;
}

export interface ParsedRecords<T> {
  records: T[];
  invalid: InvalidRecord[];
}

function idOf(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return undefined;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function issuesText(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${pathText(i.path) || '(root)'}: ${i.message}`).join('; ');
}

/** One entity, or an InvalidResponseError naming the entity, its id (when the body has one) and the first bad field. */
export function parseEntity<S extends z.ZodType>(schema: S, raw: unknown, entity: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new InvalidResponseError(entity, idOf(raw), first ? pathText(first.path) : '', first?.message ?? 'is invalid');
}

/** Each record on its own: good ones parsed, bad ones reported with their id and problems. */
export function parseRecords<S extends z.ZodType>(schema: S, raws: readonly unknown[], entity: string): ParsedRecords<z.output<S>> {
  const records: z.output<S>[] = [];
  const invalid: InvalidRecord[] = [];
  for (const raw of raws) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) records.push(parsed.data);
    else invalid.push({ entity, id: idOf(raw), issues: issuesText(parsed.error.issues) });
  }
  return { records, invalid };
}

/**
 * For a read whose every record counts: where a record left out would be taken for one that does not
 * exist (a look-up of our invoices before creating one, or to tell a deleted draft), the first record
 * that did not parse stops it instead.
 */
export function requireEveryRecord(invalid: readonly InvalidRecord[]): void {
  const first = invalid[0];
  if (first !== undefined) throw new InvalidResponseError(first.entity, first.id, '', `cannot be read (${first.issues})`);
}
