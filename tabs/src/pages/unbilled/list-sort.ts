import type { Messages } from '../../i18n/messages-en';
import { atPage, type Direction, type GridState, type SortKey } from './filter-state';

/** The orders the stacked list offers in its sort menu: the grid's sortable columns, each both ways. */
export const LIST_SORT_KEYS = ['start', 'customer', 'service', 'amount', 'duration', 'state'] as const satisfies readonly SortKey[];
type ListSortKey = (typeof LIST_SORT_KEYS)[number];

export interface ListSortChoice {
  value: string;
  sort: ListSortKey;
  direction: Direction;
}

export const LIST_SORT_CHOICES: readonly ListSortChoice[] = LIST_SORT_KEYS.flatMap((sort) =>
  (['asc', 'desc'] as const).map((direction) => ({ value: `${sort}:${direction}`, sort, direction })),
);

export function sortChoiceValue(sort: SortKey, direction: Direction): string {
  return `${sort}:${direction}`;
}

/** Also names the orders only a link can ask for (end, price), so a chosen order never shows as a code. */
export function sortChoiceText(choice: { sort: SortKey; direction: Direction }, t: Messages): string {
  return t.sortChoices[choice.sort][choice.direction];
}

/** A choice from the menu sets both key and direction (a header click toggles); back to the first page. */
export function withSortChoice(state: GridState, value: string): GridState {
  const choice = LIST_SORT_CHOICES.find((c) => c.value === value);
  return choice ? atPage({ ...state, sort: choice.sort, direction: choice.direction }, 0) : state;
}
