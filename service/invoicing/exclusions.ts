import type { Clock } from '../domain/clock';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { APPOINTMENT_STATES, PRICE_TYPES, type AppointmentState } from '../domain/appointment';
import { canMove } from '../domain/appointment-state';
import { toIsoUtc } from '../store/columns';
import type { Database } from '../store/database';
import { enteredPriceSchema, exclusionReasonSchema } from './appointment-change-fields';
import { actorSchema, runSourceSchema } from './run/run-schemas';
import { businessKey } from '../domain/business-key';
import { audit } from '../history/audit';

/*
 * "Mark as invoiced" (Business Central's page let users exclude an appointment without invoicing
 * it), its undo, and a price typed by a user: each one guarded state move plus its audit row, in
 * one transaction. What the person gives is checked by the same field rules as the API's bodies
 * (appointment-change-fields.ts); here they gain who asks, for which business, from which face.
 */

const appointmentActionSchema = z.object({
  businessId: z.string().trim().min(1),
  appointmentId: z.string().trim().min(1),
  actor: actorSchema,
  source: runSourceSchema,
});

const excludeRequestSchema = appointmentActionSchema.extend({ reason: exclusionReasonSchema.optional() });
export type ExcludeRequest = z.input<typeof excludeRequestSchema>;

const includeRequestSchema = appointmentActionSchema;
export type IncludeRequest = z.input<typeof includeRequestSchema>;

/** Price types whose amount Bookings does not give: a user may type one. */
export const ENTERABLE_PRICE_TYPES = PRICE_TYPES.filter((t) => !['fixedPrice', 'startingAt', 'hourly', 'free'].includes(t));

const enteredPriceRequestSchema = appointmentActionSchema.extend({ price: enteredPriceSchema });
export type EnteredPriceRequest = z.input<typeof enteredPriceRequestSchema>;

/** Why an appointment cannot take the change. */
export const NOT_ALLOWED_REASONS = ['claimed', 'invoiced', 'cancelled', 'excluded', 'not-excluded', 'priced-by-bookings', 'currency', 'not-ended'] as const;
export type NotAllowedReason = (typeof NOT_ALLOWED_REASONS)[number];

export const appointmentActionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), code: z.literal('not-found') }),
  z.object({
    ok: z.literal(false),
    code: z.literal('not-allowed'),
    reason: z.enum(NOT_ALLOWED_REASONS),
    state: z.enum(APPOINTMENT_STATES),
    message: z.string(),
  }),
]);
export type AppointmentActionResult = z.infer<typeof appointmentActionResultSchema>;

const MESSAGES: Record<NotAllowedReason, string> = {
  claimed: 'The appointment is being invoiced right now',
  invoiced: 'The appointment is invoiced already',
  cancelled: 'The appointment was cancelled in Bookings',
  excluded: 'The appointment is marked as invoiced already',
  'not-excluded': 'The appointment is not marked as invoiced',
  'priced-by-bookings': 'Bookings gives the price of this appointment',
  currency: "The price must be in the appointment's currency",
  'not-ended': 'The appointment has not ended yet',
};

export type NotAllowed = Extract<AppointmentActionResult, { code: 'not-allowed' }>;

export const notAllowed = (reason: NotAllowedReason, state: AppointmentState): NotAllowed => ({
  ok: false,
  code: 'not-allowed',
  reason,
  state,
  message: MESSAGES[reason],
});

/** The reason a move from `state` is refused: the state itself names it. */
function refusal(state: AppointmentState): AppointmentActionResult {
  return notAllowed(state === 'unbilled' ? 'not-excluded' : state, state);
}

/** The store, and the clock the changes and their audit entries are dated by. */
export interface ExclusionDeps {
  db: Kysely<Database>;
  clock: Clock;
}

async function auditChange(
  deps: ExclusionDeps,
  trx: Transaction<Database>,
  entry: { actor: string; source: string; action: string; appointmentId: string; details: Record<string, unknown> },
): Promise<void> {
  await audit(trx, { at: deps.clock(), actor: entry.actor, source: entry.source, action: entry.action, subject: entry.appointmentId, details: entry.details });
}

async function move(
  deps: ExclusionDeps,
  request: z.output<typeof appointmentActionSchema>,
  to: AppointmentState,
  allowedFrom: (row: { state: AppointmentState; cancelled_seen_at: string | null }) => boolean,
  action: string,
  details: Record<string, unknown>,
): Promise<AppointmentActionResult> {
  const businessId = businessKey(request.businessId);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('appointments')
      .select(['state', 'cancelled_seen_at'])
      .where('id', '=', request.appointmentId)
      .where('business_id', '=', businessId)
      .executeTakeFirst();
    if (row === undefined) return { ok: false, code: 'not-found' } as const;
    if (!allowedFrom(row) || !canMove(row.state, to)) return refusal(row.state);
    // Guarded by the state read: a run claiming it meanwhile wins, and the answer says so.
    const moved = await trx
      .updateTable('appointments')
      .set({ state: to, updated_at: toIsoUtc(deps.clock()) })
      .where('id', '=', request.appointmentId)
      .where('business_id', '=', businessId)
      .where('state', '=', row.state)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      const now = await trx.selectFrom('appointments').select('state').where('id', '=', request.appointmentId).executeTakeFirst();
      return now === undefined ? ({ ok: false, code: 'not-found' } as const) : refusal(now.state);
    }
    await auditChange(deps, trx, {
      actor: request.actor,
      source: request.source,
      action,
      appointmentId: request.appointmentId,
      details: { businessId, from: row.state, to, ...details },
    });
    return { ok: true } as const;
  });
}

/**
 * "Mark as invoiced": an unbilled appointment leaves the unbilled list without an invoice (audited,
 * reversible). A cancellation a sync saw may be excluded too: that waives its late-cancellation fee
 * (Include brings it back unbilled, and its kept cancelled_seen_at makes it the fee again, or
 * nothing when the cancellation was early).
 */
export async function excludeAppointment(deps: ExclusionDeps, input: ExcludeRequest): Promise<AppointmentActionResult> {
  const request = excludeRequestSchema.parse(input);
  const excludable = (row: { state: AppointmentState; cancelled_seen_at: string | null }) =>
    row.state === 'unbilled' || (row.state === 'cancelled' && row.cancelled_seen_at !== null);
  return move(deps, request, 'excluded', excludable, 'appointment.excluded', { reason: request.reason ?? null });
}

/** Undoes "mark as invoiced": the appointment is unbilled again. */
export async function includeAppointment(deps: ExclusionDeps, input: IncludeRequest): Promise<AppointmentActionResult> {
  const request = includeRequestSchema.parse(input);
  return move(deps, request, 'unbilled', ({ state }) => state === 'excluded', 'appointment.included', {});
}

/**
 * The price a user typed for an appointment Bookings does not price (null clears it). Only while
 * the appointment is unbilled or excluded: what a run claimed or invoiced keeps its billed price.
 */
export async function setEnteredPrice(deps: ExclusionDeps, input: EnteredPriceRequest): Promise<AppointmentActionResult> {
  const request = enteredPriceRequestSchema.parse(input);
  const businessId = businessKey(request.businessId);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('appointments')
      .select(['state', 'price_type', 'currency', 'entered_price_minor'])
      .where('id', '=', request.appointmentId)
      .where('business_id', '=', businessId)
      .executeTakeFirst();
    if (row === undefined) return { ok: false, code: 'not-found' } as const;
    if (row.state !== 'unbilled' && row.state !== 'excluded') return notAllowed(row.state, row.state);
    if (!(ENTERABLE_PRICE_TYPES as readonly string[]).includes(row.price_type)) return notAllowed('priced-by-bookings', row.state);
    if (request.price !== null && request.price.currency !== row.currency) return notAllowed('currency', row.state);
    const minor = request.price?.minor ?? null;
    const updated = await trx
      .updateTable('appointments')
      .set({ entered_price_minor: minor, updated_at: toIsoUtc(deps.clock()) })
      .where('id', '=', request.appointmentId)
      .where('business_id', '=', businessId)
      .where('state', '=', row.state)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const now = await trx.selectFrom('appointments').select('state').where('id', '=', request.appointmentId).executeTakeFirst();
      return now === undefined ? ({ ok: false, code: 'not-found' } as const) : refusal(now.state);
    }
    await auditChange(deps, trx, {
      actor: request.actor,
      source: request.source,
      action: 'appointment.price-entered',
      appointmentId: request.appointmentId,
      details: { businessId, from: row.entered_price_minor, to: minor, currency: row.currency },
    });
    return { ok: true } as const;
  });
}
