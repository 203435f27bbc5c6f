import type { CatalogResponse, UnbilledRow } from '../../../../contract/api-contract';
import { sortDanish } from '../../../../service/domain/collation';

export interface Option {
  id: string;
  label: string;
}

/** Catalog entries as id → label; one Bookings left unnamed is labelled by its id. */
export function catalogLabels(entries: CatalogResponse['services']): Map<string, string> {
  return new Map(entries.map((e) => [e.id, e.displayName || e.id]));
}

/** Adds what the rows name and `known` lacks, so ids seen in the grid stay pickable. */
export function mergeOptions(
  known: ReadonlyMap<string, string>,
  rows: readonly UnbilledRow[],
  pick: (row: UnbilledRow) => readonly Option[],
): ReadonlyMap<string, string> {
  let next: Map<string, string> | null = null;
  for (const row of rows)
    for (const o of pick(row))
      if (!(next ?? known).has(o.id)) {
        next ??= new Map(known);
        next.set(o.id, o.label);
      }
  // The same map when nothing is new: a page of known options renders nothing again.
  return next ?? known;
}

export const serviceOptions = (row: UnbilledRow): Option[] => (row.serviceId ? [{ id: row.serviceId, label: row.serviceName }] : []);
export const staffOptions = (row: UnbilledRow): Option[] => row.staffMemberIds.map((id) => ({ id, label: id }));

/**
 * A picker's options: every catalog entry, plus what the grid showed that the catalog lacks (removed
 * from Bookings since, or the catalog could not be read), sorted by label in Danish order (the
 * names are Danish whatever language the reader picked: Åse after Zacharias).
 */
export function pickerOptions(catalog: ReadonlyMap<string, string>, seen: ReadonlyMap<string, string>): Option[] {
  return sortDanish(
    [...new Map([...seen, ...catalog])].map(([id, label]) => ({ id, label })),
    (o) => o.label,
  );
}
