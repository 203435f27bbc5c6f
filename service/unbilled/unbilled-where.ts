import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { EligibilitySql } from './eligibility-sql';
import { containsPattern, LIKE_ESCAPE } from './like';
import type { StartBounds } from './period';
import type { StateFilter, UnbilledFilter } from './unbilled-schemas';

type Condition = RawBuilder<SqlBool>;

export interface WhereContext {
  postgres: boolean;
  eligibility: EligibilitySql;
  bounds: StartBounds;
}

const like = (column: RawBuilder<unknown>, text: string): Condition => sql<SqlBool>`${column} like ${containsPattern(text)} escape ${LIKE_ESCAPE}`;

function stateCondition(state: StateFilter, eligibility: EligibilitySql): Condition | undefined {
  switch (state) {
    case 'invoiceable':
      return eligibility.invoiceable;
    case 'not-invoiceable':
      // A no-show or late cancellation that cannot be billed yet (no fee item, say) is held back too.
      return sql`(${eligibility.open} and not ${eligibility.invoiceable})`;
    case 'all':
      return undefined;
    // Not billed yet, ready or not: a late cancellation (stored cancelled) is listed with its fee.
    case 'unbilled':
      return eligibility.open;
    case 'claimed':
    case 'invoiced':
    case 'excluded':
    case 'cancelled':
      return sql`a.state = ${state}`;
  }
}

/**
 * An attendee whose id is `value` exactly, or whose name or email contains it in any letter case.
 * The attendees are a JSON column (written by the sync as `customerId` or `id`, `name`, `email`).
 * SQLite's LIKE folds ASCII letters only; both sides are lower-cased in PostgreSQL.
 */
function customerCondition(value: string, postgres: boolean): Condition {
  const needle = value.toLowerCase();
  if (postgres) {
    return sql<SqlBool>`exists (select 1 from jsonb_array_elements(a.customers::jsonb) as c(v)
      where coalesce(c.v ->> 'customerId', c.v ->> 'id') = ${value}
        or ${like(sql`lower(c.v ->> 'name')`, needle)}
        or ${like(sql`lower(c.v ->> 'email')`, needle)})`;
  }
  return sql<SqlBool>`exists (select 1 from json_each(a.customers) as c
    where coalesce(json_extract(c.value, '$.customerId'), json_extract(c.value, '$.id')) = ${value}
      or ${like(sql`json_extract(c.value, '$.name')`, needle)}
      or ${like(sql`json_extract(c.value, '$.email')`, needle)})`;
}

/** staff_member_ids is a JSON array of strings: the quoted id is one whole element. */
function staffCondition(staffMemberId: string, postgres: boolean): Condition {
  const element = JSON.stringify(staffMemberId);
  return postgres ? sql<SqlBool>`strpos(a.staff_member_ids, ${element}) > 0` : sql<SqlBool>`instr(a.staff_member_ids, ${element}) > 0`;
}

/** The conditions (ANDed) selecting the rows a filter matches. */
export function whereConditions(filter: UnbilledFilter, context: WhereContext): Condition[] {
  const conditions: Condition[] = [sql`a.business_id = ${filter.businessId}`];
  const state = stateCondition(filter.state, context.eligibility);
  if (state !== undefined) conditions.push(state);
  if (context.bounds.fromUtc !== undefined) conditions.push(sql`a.start_utc >= ${context.bounds.fromUtc}`);
  if (context.bounds.toUtc !== undefined) conditions.push(sql`a.start_utc < ${context.bounds.toUtc}`);
  if (filter.serviceId !== undefined) conditions.push(sql`a.service_id = ${filter.serviceId}`);
  if (filter.staffMemberId !== undefined) conditions.push(staffCondition(filter.staffMemberId, context.postgres));
  if (filter.customer !== undefined) conditions.push(customerCondition(filter.customer, context.postgres));
  // The reasons column is "a,b," : delimited on both sides, one reason never matches inside another.
  if (filter.reason !== undefined) conditions.push(sql<SqlBool>`(',' || ${context.eligibility.reasons}) like ${`%,${filter.reason},%`}`);
  // search_text is stored lower-cased, so lower-casing the words here is the whole case folding.
  for (const word of (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    conditions.push(like(sql`a.search_text`, word));
  }
  return conditions;
}
