import type { Kysely } from 'kysely';
import { ZodError } from 'zod';
import type { Setup } from '../../setup/setup-schema';
import type { Database } from '../../store/database';
import { filteredAppointments } from '../../unbilled/unbilled-source';
import { unbilledFilterSchema } from '../../unbilled/unbilled-schemas';
import { InvalidRunRequestError } from './errors';
import type { Selection } from './run-schemas';

/**
 * The appointment ids a selection names. A filter names every unbilled appointment it matches
 * (and every cancelled one billable as a fee), invoiceable or not, so the blocked ones are
 * answered with their reasons instead of vanishing.
 */
export async function resolveSelectionIds(
  db: Kysely<Database>,
  selection: Selection,
  context: { businessId: string; now: Date; setup: Setup },
): Promise<string[]> {
  if (selection.kind === 'ids') return selection.appointmentIds;
  const { kind: _kind, ...criteria } = selection;
  let filter;
  try {
    filter = unbilledFilterSchema.parse({ ...criteria, businessId: context.businessId, state: 'all' });
  } catch (err) {
    if (err instanceof ZodError) throw new InvalidRunRequestError(err.issues);
    throw err;
  }
  const { query, eligibility } = await filteredAppointments(db, filter, { now: context.now, setup: context.setup });
  const rows = await query.where(eligibility.open).select('a.id').orderBy('a.start_utc').orderBy('a.id').execute();
  return rows.map((r) => r.id);
}
