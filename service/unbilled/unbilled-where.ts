import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AWAITING_ATTENDEES, AWAITING_SEARCH_ENTRY, AWAITING_STAFF } from '../store/deferred-indexes';
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
function customerCondition(businessId: string, value: string, postgres: boolean): Condition {
  const needle = value.toLowerCase();
  const matches = (t: string) =>
    sql<SqlBool>`${sql.ref(`${t}.business_id`)} = ${businessId} and (${sql.ref(`${t}.customer_id`)} = ${value} or ${like(sql.ref(`${t}.name`), needle)} or ${like(sql.ref(`${t}.email`), needle)})`;
  const kept = sql`select c.appointment_id from appointment_customers c
    where (c.business_id, c.customer_id, c.name, c.email) in (select s.business_id, s.customer_id, s.name, s.email from appointment_attendees_seen s where ${matches('s')})`;
  // SQLite: also the attendees of appointments a first sync has not written rows for yet (deferred-indexes.ts).
  return postgres
    ? sql<SqlBool>`a.id in (${kept})`
    : sql<SqlBool>`a.id in (${kept} union all select w.appointment_id from (${AWAITING_ATTENDEES}) w where ${matches('w')})`;
}

/**
 * One element of staff_member_ids (a JSON array of strings), from migration 0023's rows kept by triggers.
 * PostgreSQL gets the ids as one array: with statistics on appointment_staff it estimated a member's
 * rows spread evenly over the list and walked appointments in start order testing each (~300 ms for
 * 749 rows at 100,000); an array is looked up in migration 0028's index whatever the statistics say.
 */
function staffCondition(businessId: string, staffMemberId: string, postgres: boolean): Condition {
  const ids = sql`select s.appointment_id from appointment_staff s where s.business_id = ${businessId} and s.staff_member_id = ${staffMemberId}`;
  if (postgres) return sql<SqlBool>`a.id = any(array(${ids}))`;
  // Also the staff of appointments a first sync has not written rows for yet (deferred-indexes.ts).
  return sql<SqlBool>`a.id in (${ids} union all select w.appointment_id from (${AWAITING_STAFF}) w
    where w.business_id = ${businessId} and w.staff_member_id = ${staffMemberId})`;
}

/** FTS5's trigram tokenizer indexes three characters at a time: a shorter word cannot use it. */
const TRIGRAM = 3;

/**
 * SQLite: the appointments whose search_text holds every word of 3 characters or more, by migration
 * 0023's FTS5 trigram table. It folds case at least as far as the stored text already is, so it finds
 * every row the words' LIKEs match (and maybe a few more): the LIKEs still decide. While a first sync
 * has the table's filling deferred (deferred-indexes.ts), the rows without a search entry are candidates
 * too; otherwise that branch reads no appointment. PostgreSQL needs nothing: its trigram index
 * (pg_trgm, where installed) serves the LIKEs themselves.
 */
function searchCandidates(words: readonly string[]): Condition | undefined {
  const indexed = words.filter((w) => [...w].length >= TRIGRAM);
  if (indexed.length === 0) return undefined;
  // Each word a phrase (its quotes doubled), the phrases ANDed.
  const match = indexed.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
  return sql<SqlBool>`a.id in (select k.appointment_id from appointment_search_keys k
    where k.key in (select f.rowid from appointment_search f where appointment_search match ${match})
    union all ${AWAITING_SEARCH_ENTRY})`;
}

const searchWords = (filter: UnbilledFilter): string[] => (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/**
 * SQLite: whether the filter's few appointment ids (a customer's, a staff member's, a searched
 * name's) should lead, each looked up in migration 0028's index by id, rather than a list index of
 * the business walked in order and each row tested against them. Of searched words only two or more
 * (a name): their rows are few together, where one word may be common (a -sen surname) and its rows
 * in the list's order are then found sooner by the walk, testing each against the candidates.
 */
export function idsLead(filter: UnbilledFilter): boolean {
  const named = searchWords(filter).filter((w) => [...w].length >= TRIGRAM).length >= 2;
  return filter.customer !== undefined || filter.staffMemberId !== undefined || named;
}

/** The conditions (ANDed) selecting the rows a filter matches. */
export function whereConditions(filter: UnbilledFilter, context: WhereContext): Condition[] {
  // search_text is stored lower-cased, so lower-casing the words here is the whole case folding.
  const words = searchWords(filter);
  const candidates = context.postgres ? undefined : searchCandidates(words);
  const conditions: Condition[] = [sql<SqlBool>`a.business_id = ${filter.businessId}`];
  const state = stateCondition(filter.state, context.eligibility);
  if (state !== undefined) conditions.push(state);
  if (context.bounds.fromUtc !== undefined) conditions.push(sql`a.start_utc >= ${context.bounds.fromUtc}`);
  if (context.bounds.toUtc !== undefined) conditions.push(sql`a.start_utc < ${context.bounds.toUtc}`);
  if (filter.serviceId !== undefined) conditions.push(sql`a.service_id = ${filter.serviceId}`);
  if (filter.staffMemberId !== undefined) conditions.push(staffCondition(filter.businessId, filter.staffMemberId, context.postgres));
  if (filter.customer !== undefined) conditions.push(customerCondition(filter.businessId, filter.customer, context.postgres));
  // The reasons column is "a,b," : delimited on both sides, one reason never matches inside another.
  if (filter.reason !== undefined) conditions.push(sql<SqlBool>`(',' || ${context.eligibility.reasons}) like ${`%,${filter.reason},%`}`);
  if (candidates !== undefined) conditions.push(candidates);
  for (const word of words) conditions.push(like(sql`a.search_text`, word));
  return conditions;
}
