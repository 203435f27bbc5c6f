import type { StoredNames } from '../../service/catalog/stored-names';
import { UsageError } from '../cli-errors';

/** `--service` takes a Bookings service id or part of its name; a name must pick exactly one service. */
export async function resolveServiceId(stored: Pick<StoredNames, 'services'>, text: string): Promise<string> {
  const services = await stored.services();
  if (services.some((s) => s.id === text)) return text;
  const needle = text.trim().toLowerCase();
  const exact = services.filter((s) => s.displayName.toLowerCase() === needle);
  const matches = exact.length > 0 ? exact : services.filter((s) => s.displayName.toLowerCase().includes(needle));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw new UsageError(`--service: no service is called ${JSON.stringify(text)} (run a sync first if the list is empty)`);
  const names = matches
    .slice(0, 5)
    .map((s) => JSON.stringify(s.displayName))
    .join(', ');
  throw new UsageError(`--service: ${JSON.stringify(text)} matches ${matches.length} services (${names}): be more precise`);
}
