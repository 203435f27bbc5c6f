import { sql, type AliasedRawBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { CursorValue } from './list-cursor';
import type { EligibilitySql, RowPart } from './eligibility-sql';
import type { SortKey, StateFilter } from './unbilled-schemas';

export type Direction = 'asc' | 'desc';

interface OrderContext {
  postgres: boolean;
  eligibility: EligibilitySql;
  /** The rows' state filter and part (see RowPart), which may fix the state sort's keys. */
  state: StateFilter;
  part: RowPart;
}

/** The state filters whose rows are all open: a plain part's rows (never a fee) are then all unbilled. */
const OPEN_ONLY: readonly StateFilter[] = ['invoiceable', 'not-invoiceable', 'unbilled'];

/** Byte order on PostgreSQL too, so both stores sort text alike (SQLite compares bytes). */
const text = (expression: RawBuilder<unknown>, postgres: boolean): RawBuilder<unknown> => (postgres ? sql`${expression} collate "C"` : expression);

function keys(sort: SortKey, { postgres, eligibility, state, part }: OrderContext): RawBuilder<unknown>[] {
  switch (sort) {
    case 'start':
      return [sql`a.start_utc`];
    case 'end':
      return [sql`a.end_utc`];
    case 'customer':
      // Kept by migration 0018's triggers in Danish order (danish-sort-key.ts).
      return [text(sql`a.list_customer_key`, postgres)];
    case 'service':
      return [text(sql`a.list_service_key`, postgres)];
    case 'price':
      return [eligibility.unitMinor];
    case 'amount':
      return [eligibility.amountMinor];
    case 'duration':
      return [sql`a.duration_minutes`];
    case 'state': {
      const reason = text(sql`coalesce(${eligibility.reason}, '')`, postgres);
      // An open row (list_open = 1) is unbilled or, billed as a fee, cancelled: under a filter of open
      // rows the state orders as 1 for unbilled after 0 for cancelled, as the words sort. A plain part's
      // rows are then all unbilled, and its key is list_open itself, which the WHERE pins to 1: SQLite
      // and PostgreSQL both drop a key pinned by an equality, so the rest of the order (the start, the
      // id) is walked in a list index (appointments_list_start_idx for the invoiceable rows) rather than
      // every matching row sorted.
      // (A constant such as 'unbilled' is not dropped by SQLite: it sorted all 50,000 rows, ~30 ms.)
      const stored = !OPEN_ONLY.includes(state)
        ? text(sql`a.state`, postgres)
        : part === 'plain'
          ? sql`a.list_open`
          : sql`(case when a.state = 'unbilled' then 1 else 0 end)`;
      // An invoiceable row has no reason.
      return state === 'invoiceable' ? [stored] : [stored, reason];
    }
  }
}

export interface OrderTerm {
  key: RawBuilder<unknown>;
  direction: Direction;
}

/**
 * The sorts whose key many rows share (a customer's appointments, a service's, a price's, a state's):
 * equal keys go by the start, so a person reads them in date order, and so a week's new rows land
 * together in each sort's index (migration 0031).
 */
const BY_START_WITHIN: readonly SortKey[] = ['customer', 'service', 'price', 'amount', 'duration', 'state'];

/**
 * The sort key in the requested direction, rows without a price last either way, then (for
 * BY_START_WITHIN) the start and the id ascending so that equal keys page stably.
 */
export function orderTerms(sort: SortKey, direction: Direction, context: OrderContext): OrderTerm[] {
  const terms: OrderTerm[] = keys(sort, context).map((key) => ({ key, direction }));
  if (sort === 'price' || sort === 'amount') {
    const value = sort === 'price' ? context.eligibility.unitMinor : context.eligibility.amountMinor;
    terms.unshift({ key: sql`(case when ${value} is null then 1 else 0 end)`, direction: 'asc' });
  }
  if (BY_START_WITHIN.includes(sort)) terms.push({ key: sql`a.start_utc`, direction: 'asc' });
  terms.push({ key: text(sql`a.id`, context.postgres), direction: 'asc' });
  return terms;
}

const directionSql = (direction: Direction) => (direction === 'asc' ? sql`asc` : sql`desc`);

/** ORDER BY of orderTerms() over the joined appointments. */
export function orderBy(sort: SortKey, direction: Direction, context: OrderContext): RawBuilder<unknown> {
  return sql.join(orderTerms(sort, direction, context).map((t) => sql`${t.key} ${directionSql(t.direction)}`));
}

/**
 * The keys of orderTerms() selected as k0, k1, …, and the ORDER BY of them, for a compound select.
 * `sorted` (SQLite only) hides the keys from the planner's choice of index (`+` changes no value), so
 * a part whose rows are few (the fee part) is found by its WHERE through the best index and sorted,
 * rather than by walking a list index in the requested order past every other row.
 */
export function selectedOrder(terms: readonly OrderTerm[], sorted = false): { columns: AliasedRawBuilder<unknown, string>[]; order: RawBuilder<unknown> } {
  return {
    columns: terms.map((t, i) => (sorted ? sql`+${t.key}` : t.key).as(`k${i}`)),
    order: sql.join(terms.map((t, i) => sql`${sql.id(`k${i}`)} ${directionSql(t.direction)}`)),
  };
}

/**
 * The rows that come after a row whose keys are `values` in the order of `terms`: a later key at the
 * first that differs (null-safe equality before it: a price's value is null on every row of the
 * rows-without-a-price group). A bound on the first key alone leads, so the list index is seeked to
 * it rather than walked from its start. `sorted` as in selectedOrder().
 */
export function afterCondition(terms: readonly OrderTerm[], values: readonly CursorValue[], postgres: boolean, sorted = false): RawBuilder<SqlBool> {
  if (values.length !== terms.length) throw new Error(`a cursor of ${values.length} keys for an order of ${terms.length}`);
  const key = (t: OrderTerm) => (sorted ? sql`+${t.key}` : t.key);
  const later = (t: OrderTerm, v: CursorValue) => (t.direction === 'asc' ? sql`${key(t)} > ${v}` : sql`${key(t)} < ${v}`);
  const same = (t: OrderTerm, v: CursorValue) => (postgres ? sql`${key(t)} is not distinct from ${v}` : sql`${key(t)} is ${v}`);
  const branches = terms.map((term, i) => sql.join([...terms.slice(0, i).map((t, j) => same(t, values[j]!)), later(term, values[i]!)], sql` and `));
  const first = terms[0]!;
  const lead = values[0] === null ? sql`1 = 1` : first.direction === 'asc' ? sql`${key(first)} >= ${values[0]}` : sql`${key(first)} <= ${values[0]}`;
  return sql<SqlBool>`(${lead} and (${sql.join(branches, sql` or `)}))`;
}
