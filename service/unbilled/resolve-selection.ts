import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import { filteredAppointments, type UnbilledContext } from './unbilled-source';
import { unbilledFilterSchema, type UnbilledFilterInput } from './unbilled-schemas';

/**
 * "Select all matching" resolved on the server: the ids of the appointments matching the filter
 * that can be invoiced now, oldest start first. Whatever the filter's state, only invoiceable ids.
 */
export async function resolveSelection(db: Kysely<Database>, input: UnbilledFilterInput, context: UnbilledContext): Promise<string[]> {
  const filter = unbilledFilterSchema.parse(input);
  const { query, eligibility } = await filteredAppointments(db, filter, context);
  const rows = await query.where(eligibility.invoiceable).select('a.id').orderBy('a.start_utc').orderBy('a.id').execute();
  return rows.map((r) => r.id);
}
