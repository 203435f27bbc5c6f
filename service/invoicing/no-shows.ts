import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppointmentState } from '../domain/appointment';
import { businessKey } from '../domain/business-key';
import { noShowRefusal } from '../domain/no-show-rule';
import { audit } from '../history/audit';
import { readJson, toIsoUtc } from '../store/columns';
import type { Database } from '../store/database';
import { notAllowed, type AppointmentActionResult, type ExclusionDeps, type NotAllowed } from './exclusions';
import { actorSchema, runSourceSchema } from './run/run-schemas';

/*
 * Marking an appointment as a no-show (the customer did not come) and undoing it (issue 17.1). The
 * mark is a fact about the appointment, beside its state: billing it as the setup's fee instead of
 * the service is the unbilled list's and the run's business. Who may take the mark is the one rule
 * of domain/no-show-rule.ts, judged here on the injected clock. Both moves are idempotent: asking
 * for what is already so answers ok, changes nothing and audits nothing.
 */

const noShowRequestSchema = z.object({
  businessId: z.string().trim().min(1),
  appointmentId: z.string().trim().min(1),
  actor: actorSchema,
  source: runSourceSchema,
});
export type NoShowRequest = z.input<typeof noShowRequestSchema>;

/** Enough of the appointment for a face to name it in words. */
export interface NamedAppointment {
  serviceName: string;
  /** The attendees' names (their emails where a name is missing). */
  customers: string[];
  start: string;
  end: string;
}

/** An appointment action's result; on success, whether it changed anything and the appointment named. */
export type NoShowResult = Exclude<AppointmentActionResult, { ok: true }> | { ok: true; changed: boolean; noShow: boolean; appointment: NamedAppointment };

export const NO_SHOW_AUDIT_ACTIONS = { marked: 'appointment.no-show', undone: 'appointment.no-show-undone' } as const;

const storedAttendees = z.array(z.object({ name: z.string().nullish(), email: z.string().nullish() }));

interface NoShowRow {
  state: AppointmentState;
  no_show: number;
  end_utc: string;
  service_name: string;
  customers: string;
  start_utc: string;
}

function named(row: NoShowRow): NamedAppointment {
  const customers = readJson(storedAttendees, row.customers, 'appointments.customers')
    .map((c) => (c.name?.trim() || c.email?.trim()) ?? '')
    .filter((name) => name !== '');
  return { serviceName: row.service_name, customers, start: row.start_utc, end: row.end_utc };
}

/** Why `row` may not move to `noShow` (by the one rule), or null when it may. */
function refusalOf(row: NoShowRow, noShow: boolean, now: Date): NotAllowed | null {
  const refusal = noShowRefusal({ state: row.state, ended: Date.parse(row.end_utc) <= now.getTime() }, noShow);
  return refusal === null ? null : notAllowed(refusal, row.state);
}

async function setNoShow(deps: ExclusionDeps, input: NoShowRequest, noShow: boolean): Promise<NoShowResult> {
  const request = noShowRequestSchema.parse(input);
  const businessId = businessKey(request.businessId);
  const flag = noShow ? 1 : 0;
  const read = (db: Kysely<Database>) =>
    db
      .selectFrom('appointments')
      .select(['state', 'no_show', 'end_utc', 'service_name', 'customers', 'start_utc'])
      .where('id', '=', request.appointmentId)
      .where('business_id', '=', businessId)
      .executeTakeFirst();
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock();
    const row = await read(trx);
    if (row === undefined) return { ok: false, code: 'not-found' } as const;
    const refused = refusalOf(row, noShow, now);
    if (refused !== null) return refused;
    if (row.no_show === flag) return { ok: true, changed: false, noShow, appointment: named(row) };
    // Guarded by what was read: a run claiming it meanwhile, or a second click, leaves no row to update.
    const updated = await trx
      .updateTable('appointments')
      .set({ no_show: flag, updated_at: toIsoUtc(now) })
      .where('id', '=', request.appointmentId)
      .where('business_id', '=', businessId)
      .where('state', '=', row.state)
      .where('no_show', '=', row.no_show)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const current = await read(trx);
      if (current === undefined) return { ok: false, code: 'not-found' } as const;
      const refusedNow = refusalOf(current, noShow, now);
      if (refusedNow !== null) return refusedNow;
      return { ok: true, changed: false, noShow, appointment: named(current) };
    }
    await audit(trx, {
      at: now,
      actor: request.actor,
      source: request.source,
      action: noShow ? NO_SHOW_AUDIT_ACTIONS.marked : NO_SHOW_AUDIT_ACTIONS.undone,
      subject: request.appointmentId,
      details: { businessId, state: row.state, noShow },
    });
    return { ok: true, changed: true, noShow, appointment: named(row) };
  });
}

/** Marks an ended, uncancelled appointment that no run has claimed or invoiced as a no-show (audited). */
export function markNoShow(deps: ExclusionDeps, input: NoShowRequest): Promise<NoShowResult> {
  return setNoShow(deps, input, true);
}

/** Undoes a no-show while no run has claimed or invoiced the appointment (audited). */
export function undoNoShow(deps: ExclusionDeps, input: NoShowRequest): Promise<NoShowResult> {
  return setNoShow(deps, input, false);
}
