import { excludeAppointment, includeAppointment, type AppointmentActionResult } from '../../invoicing/exclusions';
import type { CliCommand, CommandContext } from '../cli-context';
import { EXIT, UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';
import { cliActor } from './cli-actor';

const excludeUsage = 'npm run cli -- exclude APPOINTMENT_ID [--reason text]';
const includeUsage = 'npm run cli -- include APPOINTMENT_ID';

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

/** "Mark as invoiced": leaves the unbilled list without an invoice; audited, undone by `include`. */
export const excludeCommand: CliCommand = {
  name: 'exclude',
  summary: 'Mark an appointment as invoiced without invoicing it (undo with include)',
  usage: excludeUsage,
  role: 'invoicer',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(args, { reason: { type: 'string' } }, excludeUsage, true);
    const appointmentId = oneId(positionals, excludeUsage);
    const db = (await ctx.store()).db;
    const result = await excludeAppointment({ db, clock: ctx.now }, {
      businessId: ctx.config.graph.businessId,
      appointmentId,
      actor: cliActor(),
      source: 'cli',
      ...(values.reason === undefined ? {} : { reason: values.reason }),
    });
    return report(ctx, appointmentId, result, `Excluded ${appointmentId}: it is no longer listed as unbilled`);
  },
};

export const includeCommand: CliCommand = {
  name: 'include',
  summary: 'Undo exclude: the appointment is unbilled again',
  usage: includeUsage,
  role: 'invoicer',
  async run(args, ctx) {
    const { positionals } = parseOptions(args, {}, includeUsage, true);
    const appointmentId = oneId(positionals, includeUsage);
    const db = (await ctx.store()).db;
    const result = await includeAppointment({ db, clock: ctx.now }, { businessId: ctx.config.graph.businessId, appointmentId, actor: cliActor(), source: 'cli' });
    return report(ctx, appointmentId, result, `Included ${appointmentId}: it is unbilled again`);
  },
};
