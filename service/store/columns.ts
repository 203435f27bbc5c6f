import type { z } from 'zod';
import type { Flag } from './database';

/** A JSON column whose text no longer matches its schema: the row was written by other code or corrupted. */
export class CorruptColumnError extends Error {
  constructor(
    readonly column: string,
    readonly problem: string,
  ) {
    super(`Stored ${column} is not valid: ${problem}`);
    this.name = 'CorruptColumnError';
  }
}

export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}

/** Parses and validates a JSON text column; `column` names it in the error. */
export function readJson<S extends z.ZodType>(schema: S, text: string, column: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptColumnError(column, 'not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CorruptColumnError(column, parsed.error.issues[0]?.message ?? 'schema mismatch');
  return parsed.data;
}

export const toFlag = (value: boolean): Flag => (value ? 1 : 0);
export const fromFlag = (value: number): boolean => value !== 0;

/** The one timestamp format stored (see database.ts). */
export const toIsoUtc = (date: Date): string => date.toISOString();
