import type { NamedAppointment, NoShowResult } from '../../service/invoicing/no-shows';
import type { CliCommand } from '../cli-context';
import { EXIT, UsageError } from '../cli-errors';
import { formatLocal } from '../format';
import { parseOptions } from '../parse-options';
import { cliActor } from './cli-actor';
import { resolveId } from './exclude';

const usage = 'npm run cli -- no-show ID [--undo]   (ID: the short id `unbilled` shows, or the whole id)';

/** "Fysioterapi with Karen Holm on 2026-11-10 10:00": what a person recognises, never the id. */
function describe(appointment: NamedAppointment, timeZone: string): string {
  const who = appointment.customers.length > 0 ? ` with ${appointment.customers.join(', ')}` : '';
  return `${appointment.serviceName}${who} on ${formatLocal(appointment.start, timeZone)}`;
}

/** Marks an appointment as a no-show, or with --undo takes the mark back; both audited, asking twice is no error. */
export const noShowCommand: CliCommand = {
  name: 'no-show',
  summary: 'Mark an ended appointment as a no-show (--undo: the customer came after all)',
  usage,
  role: 'invoicer',
  async run(args, ctx) {
    const { values, positionals } = parseOptions(args, { undo: { type: 'boolean' } }, usage, true);
    const [typed, extra] = positionals;
    if (typed === undefined || extra !== undefined || typed.trim() === '') throw new UsageError(`Name one appointment. Usage: ${usage}`);
    const appointmentId = await resolveId(ctx, typed.trim());
    if (appointmentId === null) return EXIT.failed;
    const services = await ctx.services();
    const request = { appointmentId, actor: cliActor(), source: 'cli' as const };
    const undo = values.undo === true;
    const result: NoShowResult = undo ? await services.appointments.undoNoShow(request) : await services.appointments.markNoShow(request);
    if (!result.ok) {
      ctx.io.err(result.code === 'not-found' ? 'That appointment is no longer in this business\n' : `${result.message}: it stays as it was\n`);
      return EXIT.failed;
    }
    const named = describe(result.appointment, (await services.currentSetup()).dailySummary.timeZone);
    const text = undo
      ? result.changed
        ? `${named} is no longer a no-show`
        : `${named} was not marked as a no-show: nothing to undo`
      : result.changed
        ? `Marked ${named} as a no-show`
        : `${named} was marked as a no-show already`;
    ctx.io.out(`${text}\n`);
    return EXIT.ok;
  },
};
