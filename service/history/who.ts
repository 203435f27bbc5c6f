import { z } from 'zod';

/*
 * Who did something, as a person reads it: a remembered display name, or the kind of actor that is
 * not a person (the command line, the sandbox's local user, the scheduler). Never the raw id.
 */

export const whoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), name: z.string() }),
  /** The CLI; `user` is the operating system account when there was one. */
  z.object({ kind: z.literal('cli'), user: z.string().nullable() }),
  z.object({ kind: z.literal('sandbox') }),
  z.object({ kind: z.literal('scheduler') }),
  z.object({ kind: z.literal('daily-summary') }),
  /** The sync's reconcile: a draft deleted or posted in Business Central. */
  z.object({ kind: z.literal('sync') }),
  z.object({ kind: z.literal('system') }),
  /** A person whose name was never seen (they acted before names were remembered). */
  z.object({ kind: z.literal('someone') }),
]);
export type Who = z.infer<typeof whoSchema>;

/** The actor ids that are not people come first (see cliActor, SANDBOX_IDENTITY, the scheduler and reconcile): they are said in the reader's language. */
export function whoOf(actor: string, names: ReadonlyMap<string, string>): Who {
  if (actor === 'cli') return { kind: 'cli', user: null };
  if (actor.startsWith('cli:')) return { kind: 'cli', user: actor.slice(4) || null };
  if (actor === 'dev-user') return { kind: 'sandbox' };
  if (actor === 'schedule' || actor === 'scheduler') return { kind: 'scheduler' };
  if (actor === 'daily-summary' || actor === 'summary') return { kind: 'daily-summary' };
  if (actor === 'sync') return { kind: 'sync' };
  if (actor === 'system' || actor === 'startup') return { kind: 'system' };
  const name = names.get(actor);
  return name === undefined ? { kind: 'someone' } : { kind: 'person', name };
}
