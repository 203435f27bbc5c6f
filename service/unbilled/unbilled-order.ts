import { sql, type RawBuilder } from 'kysely';
import { danishSortKey } from './danish-sort-key';
import type { EligibilitySql } from './eligibility-sql';
import type { SortKey } from './unbilled-schemas';

export type Direction = 'asc' | 'desc';

interface OrderContext {
  postgres: boolean;
  eligibility: EligibilitySql;
}

/** Byte order on PostgreSQL too, so both stores sort text alike (SQLite compares bytes). */
const text = (expression: RawBuilder<unknown>, postgres: boolean): RawBuilder<unknown> => (postgres ? sql`${expression} collate "C"` : expression);

/** Names in Danish order on both stores (see danish-sort-key.ts). */
function firstCustomerName(postgres: boolean): RawBuilder<unknown> {
  return danishSortKey(postgres ? sql`coalesce((a.customers::jsonb) -> 0 ->> 'name', '')` : sql`coalesce(json_extract(a.customers, '$[0].name'), '')`);
}

function keys(sort: SortKey, { postgres, eligibility }: OrderContext): RawBuilder<unknown>[] {
  switch (sort) {
    case 'start':
      return [sql`a.start_utc`];
    case 'end':
      return [sql`a.end_utc`];
    case 'customer':
      return [text(firstCustomerName(postgres), postgres)];
    case 'service':
      return [text(danishSortKey(sql`a.service_name`), postgres)];
    case 'price':
      return [eligibility.unitMinor];
    case 'amount':
      return [eligibility.amountMinor];
    case 'duration':
      return [sql`a.duration_minutes`];
    case 'state':
      return [text(sql`a.state`, postgres), text(sql`coalesce(${eligibility.reason}, '')`, postgres)];
  }
}

/**
 * ORDER BY terms: the sort key in the requested direction, rows without a price last either way,
 * then the id ascending so that equal keys page stably.
 */
export function orderBy(sort: SortKey, direction: Direction, context: OrderContext): RawBuilder<unknown> {
  const dir = direction === 'asc' ? sql`asc` : sql`desc`;
  const terms = keys(sort, context).map((key) => sql`${key} ${dir}`);
  if (sort === 'price' || sort === 'amount') {
    const value = sort === 'price' ? context.eligibility.unitMinor : context.eligibility.amountMinor;
    terms.unshift(sql`(case when ${value} is null then 1 else 0 end) asc`);
  }
  terms.push(sql`${text(sql`a.id`, context.postgres)} asc`);
  return sql.join(terms);
}
