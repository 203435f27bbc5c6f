import { sql, type Kysely, type RawBuilder } from 'kysely';
import { bucketKeyLength, hourRepresentatives, sumByLocalDay, type BucketSum } from '../domain/day-buckets';
import { totalsByCurrency } from '../domain/money';
import type { Database } from '../store/database';
import type { UnbilledFilter, UnbilledResponse } from './unbilled-schemas';
import { filteredAppointments, type UnbilledContext } from './unbilled-source';

/** What the list answers beside its page: the count of matching rows, the invoiceable totals and days. */
export type ListTotals = Pick<UnbilledResponse, 'total' | 'totals' | 'byDay'>;

interface GroupRecord {
  bucket: string;
  currency: string;
  matching: number;
  invoiceable: number;
  minor: number;
}

/**
 * The count, totals and days of every row a filter matches: an aggregate grouped by start bucket and
 * currency for each RowPart ('plain' rows are answered from the list indexes, 'fee' rows by the whole
 * rule), folded here.
 */
export async function listTotals(db: Kysely<Database>, filter: UnbilledFilter, context: UnbilledContext): Promise<ListTotals> {
  const timeZone = context.setup.dailySummary.timeZone;
  const bucket = bucketSql(bucketDefinition(timeZone, context.now));
  const groups = (['plain', 'fee'] as const).map(async (part) => {
    const { query, eligibility: e } = await filteredAppointments(db, filter, context, part);
    return query
      .select([
        bucket.as('bucket'),
        e.amountCurrency.as('currency'),
        sql<number>`count(*)`.as('matching'),
        sql<number>`sum(case when ${e.invoiceable} then 1 else 0 end)`.as('invoiceable'),
        sql<number>`sum(case when ${e.invoiceable} then ${e.amountMinor} else 0 end)`.as('minor'),
      ])
      .groupBy([sql`1`, sql`2`]);
  });
  const groupRows: GroupRecord[] = (await Promise.all(groups.map(async (g) => (await g).execute()))).flat();
  const buckets: BucketSum[] = groupRows.map((g) => ({
    bucket: g.bucket,
    currency: g.currency,
    count: Number(g.invoiceable),
    minor: Number(g.minor),
  }));
  return {
    total: groupRows.reduce((sum, g) => sum + Number(g.matching), 0),
    totals: {
      count: buckets.reduce((sum, b) => sum + b.count, 0),
      amounts: totalsByCurrency(buckets.filter((b) => b.count > 0).map((b) => ({ minor: b.minor, currency: b.currency }))),
    },
    byDay: sumByLocalDay(buckets, timeZone),
  };
}

/**
 * How start times are bucketed: the ISO prefix length, and for hour buckets each UTC hour's
 * representative. It depends on the zone's offsets in the months around the day (sampled, with Intl:
 * milliseconds a call), so it is worked out once per zone and UTC day, from the day's start; the
 * totals cache keys on it.
 */
export interface BucketDefinition {
  keyLength: number;
  /** Runs of UTC hours on one local day, longer than one hour: each folds into its first. */
  folded: [first: string, last: string][];
}

const definitions = new Map<string, BucketDefinition>();
/** Zones and days remembered: a process serves one business, and a day at a time. */
const DEFINITIONS_KEPT = 16;

export function bucketDefinition(timeZone: string, now: Date): BucketDefinition {
  const day = now.toISOString().slice(0, 10);
  const key = `${timeZone} ${day}`;
  const known = definitions.get(key);
  if (known !== undefined) return known;
  const definition = definitionAt(timeZone, new Date(`${day}T00:00:00.000Z`));
  if (definitions.size >= DEFINITIONS_KEPT) definitions.clear();
  definitions.set(key, definition);
  return definition;
}

function definitionAt(timeZone: string, at: Date): BucketDefinition {
  const keyLength = bucketKeyLength(timeZone, at);
  if (keyLength !== 13) return { keyLength, folded: [] };
  const runs = new Map<string, string[]>();
  for (const [h, first] of hourRepresentatives(timeZone, at)) runs.set(first, [...(runs.get(first) ?? []), h]);
  const folded = [...runs].filter(([, hours]) => hours.length > 1).map(([first, hours]): [string, string] => [first, hours[hours.length - 1]!]);
  return { keyLength, folded };
}

/**
 * The start-time bucket SQL groups by: the minute where the zone has part-hour offsets, else the
 * UTC hour with each run of hours on one local day folded into its first (hourRepresentatives), so a
 * year is about a thousand groups rather than 8,760.
 */
function bucketSql({ keyLength, folded }: BucketDefinition): RawBuilder<string> {
  const hour = sql<string>`substr(a.start_utc, 12, 2)`;
  if (keyLength !== 13) return sql<string>`substr(a.start_utc, 1, ${sql.lit(keyLength)})`;
  if (folded.length === 0) return sql<string>`substr(a.start_utc, 1, 13)`;
  const cases = folded.map(([first, last]) => sql`when ${hour} between ${sql.lit(first)} and ${sql.lit(last)} then ${sql.lit(first)}`);
  return sql<string>`(substr(a.start_utc, 1, 11) || case ${sql.join(cases, sql` `)} else ${hour} end)`;
}
