import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Setup } from '../setup/setup-schema';
import type { Database } from '../store/database';
import { isPostgres } from './dialect';
import { eligibilitySql, type EligibilitySql, type RowPart } from './eligibility-sql';
import { startBounds } from './period';
import type { UnbilledFilter } from './unbilled-schemas';
import { idsLead, whereConditions } from './unbilled-where';
import { isDeferred } from '../store/deferred-indexes';

/** The clock and the setup the query answers for: eligibility depends on both. */
export interface UnbilledContext {
  now: Date;
  setup: Pick<Setup, 'addZeroLinesForFree' | 'dailySummary'> & Partial<Pick<Setup, 'noShowFee'>>;
}

/** `appointments a LEFT JOIN service_links sl`: every eligibility expression refers to these aliases. */
export function joinedAppointments(db: Kysely<Database>) {
  return db
    .selectFrom('appointments as a')
    .leftJoin('service_links as sl', (join) => join.onRef('sl.business_id', '=', 'a.business_id').onRef('sl.bookings_service_id', '=', 'a.service_id'));
}

/** Migration 0028's index of the list columns by appointment id. */
const BY_ID_INDEX = 'appointments_list_by_id_idx';

/**
 * The same, with SQLite told to find `a` through migration 0028's index: given `a.id in (...)` it
 * prefers the unique primary key (an equal match on every column of a unique index), whose lookups
 * read each row (see idsLead()). INDEXED BY is SQLite's; PostgreSQL chooses the index by cost. While a
 * first sync has the index deferred (deferred-indexes.ts) the primary key serves: naming it would fail.
 */
function joinedAppointmentsById(db: Kysely<Database>): ReturnType<typeof joinedAppointments> {
  return db
    .selectFrom(sql<Database['appointments']>`appointments`.as<'a'>(sql`a indexed by ${sql.id(BY_ID_INDEX)}`))
    .leftJoin('service_links as sl', (join) => join.onRef('sl.business_id', '=', 'a.business_id').onRef('sl.bookings_service_id', '=', 'a.service_id'));
}

/**
 * `appointments a LEFT JOIN service_links sl` narrowed to the rows a filter matches, with eligibility
 * as SQL; for `plain` or `fee` only those rows (see RowPart), whose union is what `any` gives.
 */
export async function filteredAppointments(db: Kysely<Database>, filter: UnbilledFilter, context: UnbilledContext, part: RowPart = 'any') {
  const postgres = isPostgres(db);
  const eligibility: EligibilitySql = eligibilitySql(
    {
      now: context.now,
      addZeroLinesForFree: context.setup.addZeroLinesForFree,
      ...(context.setup.noShowFee === undefined ? {} : { noShowFee: context.setup.noShowFee }),
    },
    postgres,
    part,
  );
  const conditions = whereConditions(filter, {
    postgres,
    eligibility,
    bounds: startBounds(filter.from, filter.to, context.setup.dailySummary.timeZone),
  });
  if (part !== 'any') conditions.push(sql<SqlBool>`a.list_fee = ${sql.lit(part === 'plain' ? 0 : 1)}`);
  const byId = !postgres && idsLead(filter) && !(await isDeferred(db, BY_ID_INDEX));
  const from = byId ? joinedAppointmentsById(db) : joinedAppointments(db);
  const query = conditions.reduce((q, condition) => q.where(condition), from);
  return { query, eligibility, postgres, part };
}
