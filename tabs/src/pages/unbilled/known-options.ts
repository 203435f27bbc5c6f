import type { UnbilledRow } from '../../api/contract';

export interface Option {
  id: string;
  label: string;
}

/**
 * The API has no service or staff list for the tab, so the pickers offer what the grid has shown
 * so far (merged across pages and filters), sorted by label.
 */
export function mergeOptions(
  known: ReadonlyMap<string, string>,
  rows: readonly UnbilledRow[],
  pick: (row: UnbilledRow) => readonly Option[],
): Map<string, string> {
  const next = new Map(known);
  for (const row of rows) for (const o of pick(row)) if (!next.has(o.id)) next.set(o.id, o.label);
  return next;
}

export const serviceOptions = (row: UnbilledRow): Option[] => (row.serviceId ? [{ id: row.serviceId, label: row.serviceName }] : []);
export const staffOptions = (row: UnbilledRow): Option[] => row.staffMemberIds.map((id) => ({ id, label: id }));

export function sortedOptions(known: ReadonlyMap<string, string>): Option[] {
  return [...known].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
}
