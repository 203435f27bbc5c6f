import type { SelectionInput } from '../../../../contract/api-contract';
import type { Money } from '../../i18n/format';
import { type Filter, filterSelection } from './filter-state';

/**
 * Rows picked one by one (with the amount each showed, for the summary bar), or everything the
 * filter matches, which only the server can count and resolve.
 */
export type SelectionModel = { kind: 'ids'; rows: ReadonlyMap<string, Money | null> } | { kind: 'filter' };

export const NOTHING_SELECTED: SelectionModel = { kind: 'ids', rows: new Map() };

export interface SelectableRow {
  id: string;
  amount: Money | null;
}

export function isSelected(model: SelectionModel, id: string): boolean {
  return model.kind === 'filter' || model.rows.has(id);
}

export function selectedCount(model: SelectionModel, filterCount: number): number {
  return model.kind === 'filter' ? filterCount : model.rows.size;
}

/**
 * The grid reports the ids now checked on the page. Rows on other pages stay selected; unchecking
 * one row of "all matching" falls back to this page's checked rows.
 */
export function applyPageSelection(model: SelectionModel, pageRows: readonly SelectableRow[], checked: ReadonlySet<string>): SelectionModel {
  const rows = new Map(model.kind === 'ids' ? model.rows : []);
  for (const row of pageRows) {
    if (checked.has(row.id)) rows.set(row.id, row.amount);
    else rows.delete(row.id);
  }
  return { kind: 'ids', rows };
}

const sameAmount = (a: Money | null, b: Money | null) => a === b || (a !== null && b !== null && a.minor === b.minor && a.currency === b.currency);

/**
 * The amounts of ticked rows as a newer answer shows them: a price typed, a no-show's fee or a
 * service's new price changes what a ticked row bills, and the summary bar adds what the rows show
 * now. The same model when nothing changed, so a list answer re-renders nothing more.
 */
export function withCurrentAmounts(model: SelectionModel, pageRows: readonly SelectableRow[]): SelectionModel {
  if (model.kind === 'filter') return model;
  const changed = pageRows.filter((row) => model.rows.has(row.id) && !sameAmount(model.rows.get(row.id) ?? null, row.amount));
  if (changed.length === 0) return model;
  const rows = new Map(model.rows);
  for (const row of changed) rows.set(row.id, row.amount);
  return { kind: 'ids', rows };
}

export function selectAllMatching(): SelectionModel {
  return { kind: 'filter' };
}

export function selectedAmounts(model: SelectionModel): Money[] {
  if (model.kind === 'filter') return [];
  return [...model.rows.values()].flatMap((a) => (a ? [a] : []));
}

/** What the preview and the run are asked for; null when nothing is selected. */
export function toSelection(model: SelectionModel, filter: Filter): SelectionInput | null {
  if (model.kind === 'filter') return filterSelection(filter);
  if (model.rows.size === 0) return null;
  return { kind: 'ids', appointmentIds: [...model.rows.keys()] };
}
