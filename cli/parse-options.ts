import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into one-line usage errors. */
export function parseOptions<O extends Options>(args: readonly string[], options: O, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (err) {
    // parseArgs errors are TypeErrors from Node's own realm: read the message without instanceof.
    const message = String((err as { message?: unknown } | null)?.message ?? err).split('\n')[0];
    throw new UsageError(`${message}. Usage: ${usage}`);
  }
}

/** A whole number option, or undefined when absent. */
export function intOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UsageError(`--${name} must be a whole number from ${min}`);
  return Number(value);
}
