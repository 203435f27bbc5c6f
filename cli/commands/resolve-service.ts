import type { Kysely } from 'kysely';
import type { Database } from '../../service/store';
import { UsageError } from '../cli-errors';
import { businessKey } from '../../service/domain/business-key';

/** `--service` takes a Bookings service id or part of its name; a name must pick exactly one service. */
export async function resolveServiceId(db: Kysely<Database>, businessId: string, text: string): Promise<string> {
  const services = await db
    .selectFrom('services')
    .select(['id', 'display_name'])
    .where('business_id', '=', businessKey(businessId))
    .execute();
  if (services.some((s) => s.id === text)) return text;
  const needle = text.trim().toLowerCase();
  const exact = services.filter((s) => s.display_name.toLowerCase() === needle);
  const matches = exact.length > 0 ? exact : services.filter((s) => s.display_name.toLowerCase().includes(needle));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw new UsageError(`--service: no service is called ${JSON.stringify(text)} (run a sync first if the list is empty)`);
  const names = matches.slice(0, 5).map((s) => JSON.stringify(s.display_name)).join(', ');
  throw new UsageError(`--service: ${JSON.stringify(text)} matches ${matches.length} services (${names}): be more precise`);
}
