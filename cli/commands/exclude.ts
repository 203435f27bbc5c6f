import type { AppointmentActionResult } from '../../service/invoicing/exclusions';
import type { CliCommand, CommandContext } from '../cli-context';
import { EXIT, UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';
import { resolveShortId, shortId } from '../short-id';
import { cliActor } from './cli-actor';

const excludeUsage = 'npm run cli -- exclude ID [--reason text]   (ID: the short id `unbilled` shows, or the whole id)';
const includeUsage = 'npm run cli -- include ID   (ID: the short id `unbilled --state excluded` shows, or the whole id)';

function report(ctx: CommandContext, appointmentId: string, result: AppointmentActionResult, done: string): number {
  if (result.ok) {
    ctx.io.out(`${done}\n`);
    return EXIT.ok;
  }
  if (result.code === 'not-found') ctx.io.err(`No appointment ${JSON.stringify(appointmentId)} in this business\n`);
  else ctx.io.err(`${result.message} (${result.reason})\n`);
  return EXIT.failed;
}

function oneId(positionals: readonly string[], usage: string): string {
  const [id, extra] = positionals;
  if (id === undefined || extra !== undefined || id.trim() === '') throw new UsageError(`Name one appointment. Usage: ${usage}`);
  return id.trim();
}

/** The whole appointment id for what was typed, or null after saying why. */
export async function resolveId(ctx: CommandContext, typed: string): Promise<string | null> {
  const resolved = resolveShortId(await (await ctx.services()).names.appointmentIds(), typed);
  if (resolved.ok) return resolved.id;
  if (resolved.problem === 'ambiguous') ctx.io.err(`${typed} matches ${resolved.matches.length} appointments: type more of the short id\n`);
  else ctx.io.err(`No appointment ${JSON.stringify(typed)} in this business (use the short id \`unbilled\` shows)\n`);
  return null;
}

/** "Mark as invoiced": leaves the unbilled list without an invoice; audited, undone by `include`. */
export const excludeCommand: CliCommand = {
  name: 'exclude',
  summary: 'Mark an appointment as invoiced without invoicing it (undo with include)',
  usage: excludeUsage,
  role: 'invoicer',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(args, { reason: { type: 'string' } }, excludeUsage, true);
    const appointmentId = await resolveId(ctx, oneId(positionals, excludeUsage));
    if (appointmentId === null) return EXIT.failed;
    const result = await (
      await ctx.services()
    ).appointments.exclude({
      appointmentId,
      actor: cliActor(),
      source: 'cli',
      ...(values.reason === undefined ? {} : { reason: values.reason }),
    });
    return report(
      ctx,
      appointmentId,
      result,
      `Excluded ${shortId(appointmentId)}: it is no longer listed as unbilled (undo: include ${shortId(appointmentId)})`,
    );
  },
};

export const includeCommand: CliCommand = {
  name: 'include',
  summary: 'Undo exclude: the appointment is unbilled again',
  usage: includeUsage,
  role: 'invoicer',
  async run(args, ctx) {
    const { positionals } = parseOptions(args, {}, includeUsage, true);
    const appointmentId = await resolveId(ctx, oneId(positionals, includeUsage));
    if (appointmentId === null) return EXIT.failed;
    const result = await (await ctx.services()).appointments.include({ appointmentId, actor: cliActor(), source: 'cli' });
    return report(ctx, appointmentId, result, `Included ${shortId(appointmentId)}: it is unbilled again`);
  },
};
