import type { Kysely } from 'kysely';
import { defaultSetup, type Setup } from '../../setup/setup-schema';
import type { Database, NewRow } from '../../store/database';
import type { UnbilledContext } from '../unbilled-source';

export const BUSINESS = 'clinic@example.dk';
export const NOW = new Date('2026-11-20T12:00:00.000Z');

export interface TestAttendee {
  id?: string;
  name: string;
  email: string | null;
  timeZone?: string;
}

/** An invoiceable fixed-price appointment unless overridden; the denormalised columns follow `attendees`. */
export function appointmentRow(id: string, overrides: Partial<NewRow<'appointments'>> & { attendees?: TestAttendee[] } = {}): NewRow<'appointments'> {
  const { attendees = [{ id: `cust-${id}`, name: `Customer ${id}`, email: `${id}@example.dk` }], ...rest } = overrides;
  const serviceName = rest.service_name ?? 'Fysioterapi';
  return {
    id,
    business_id: BUSINESS,
    start_utc: '2026-11-10T09:00:00.000Z',
    end_utc: '2026-11-10T10:00:00.000Z',
    duration_minutes: 60,
    service_id: 'svc-linked',
    service_name: serviceName,
    staff_member_ids: JSON.stringify(['staff-1']),
    customers: JSON.stringify(attendees.map((a) => ({ id: a.id ?? '', name: a.name, email: a.email, timeZone: a.timeZone ?? null }))),
    price_minor: 49500,
    currency: 'DKK',
    price_type: 'fixedPrice',
    state: 'unbilled',
    claimed_by_run: null,
    invoice_id: null,
    review_reason: null,
    content_hash: 'hash',
    last_seen_sync: null,
    graph_last_updated: null,
    created_at: NOW.toISOString(),
    updated_at: NOW.toISOString(),
    customer_count: attendees.length,
    customers_without_email: attendees.filter((a) => !a.email).length,
    customers_blocked: 0,
    last_attempt_failed: 0,
    entered_price_minor: null,
    // Every row names every column: a multi-row insert in SQLite has no DEFAULT for a missing one.
    no_show: 0,
    cancelled_seen_at: null,
    search_text: [...attendees.flatMap((a) => [a.name, a.email ?? '']), serviceName].join(' ').toLowerCase(),
    ...rest,
  };
}

export function serviceLink(serviceId: string, overrides: Partial<NewRow<'service_links'>> = {}): NewRow<'service_links'> {
  return {
    business_id: BUSINESS,
    bookings_service_id: serviceId,
    bc_item_id: `item-${serviceId}`,
    bc_item_number: '1000',
    linked_at: NOW.toISOString(),
    conflict_reason: null,
    bc_item_unit_price_minor: null,
    currency: null,
    ...overrides,
  };
}

export function context(setup: Partial<Setup> = {}, now: Date = NOW): UnbilledContext {
  return { now, setup: { ...defaultSetup(BUSINESS), ...setup } };
}

/** Replaces every appointment and service link (inserted in chunks PostgreSQL's parameter limit allows). */
export async function resetRows(
  db: Kysely<Database>,
  appointments: NewRow<'appointments'>[],
  links: NewRow<'service_links'>[] = [serviceLink('svc-linked')],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('appointments').execute();
    await trx.deleteFrom('service_links').execute();
    for (let i = 0; i < appointments.length; i += 1000) {
      await trx
        .insertInto('appointments')
        .values(appointments.slice(i, i + 1000))
        .execute();
    }
    if (links.length > 0) await trx.insertInto('service_links').values(links).execute();
  });
}
