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
 * Migration 0021's tables, kept by triggers, hold the attendees: the text is matched over the
 * business's distinct attendees (appointment_attendees_seen), whose appointments then come from
 * appointment_customers' index, so no appointment's JSON is parsed. Name and email are stored
 * lower-cased: SQLite's lower() and LIKE fold ASCII letters only, PostgreSQL's lower() every letter,
 * as the filter always did on each store.
 */
function customerCondition(businessId: string, value: string): Condition {
  const needle = value.toLowerCase();
  return sql<SqlBool>`a.id in (select c.appointment_id from appointment_customers c
    where (c.business_id, c.customer_id, c.name, c.email) in (select s.business_id, s.customer_id, s.name, s.email
      from appointment_attendees_seen s
      where s.business_id = ${businessId} and (s.customer_id = ${value} or ${like(sql`s.name`, needle)} or ${like(sql`s.email`, needle)})))`;
}

/** staff_member_ids is a JSON array of strings: the quoted id is one whole element. */
function staffCondition(staffMemberId: string, postgres: boolean): Condition {
  const element = JSON.stringify(staffMemberId);
  return postgres ? sql<SqlBool>`strpos(a.staff_member_ids, ${element}) > 0` : sql<SqlBool>`instr(a.staff_member_ids, ${element}) > 0`;
}

/** The conditions (ANDed) selecting the rows a filter matches. */
export function whereConditions(filter: UnbilledFilter, context: WhereContext): Condition[] {
  // With a customer, SQLite is kept off the business's indexes, so the attendees' few appointment ids
  // lead (by primary key) rather than a walk through every appointment of the business.
  const business = filter.customer !== undefined && !context.postgres ? sql`+a.business_id` : sql`a.business_id`;
  const conditions: Condition[] = [sql<SqlBool>`${business} = ${filter.businessId}`];
  const state = stateCondition(filter.state, context.eligibility);
  if (state !== undefined) conditions.push(state);
  if (context.bounds.fromUtc !== undefined) conditions.push(sql`a.start_utc >= ${context.bounds.fromUtc}`);
  if (context.bounds.toUtc !== undefined) conditions.push(sql`a.start_utc < ${context.bounds.toUtc}`);
  if (filter.serviceId !== undefined) conditions.push(sql`a.service_id = ${filter.serviceId}`);
  if (filter.staffMemberId !== undefined) conditions.push(staffCondition(filter.staffMemberId, context.postgres));
  if (filter.customer !== undefined) conditions.push(customerCondition(filter.businessId, filter.customer));
  // The reasons column is "a,b," : delimited on both sides, one reason never matches inside another.
  if (filter.reason !== undefined) conditions.push(sql<SqlBool>`(',' || ${context.eligibility.reasons}) like ${`%,${filter.reason},%`}`);
  // search_text is stored lower-cased, so lower-casing the words here is the whole case folding.
  for (const word of (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    conditions.push(like(sql`a.search_text`, word));
  }
  return conditions;
}
