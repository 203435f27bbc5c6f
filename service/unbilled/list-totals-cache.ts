import { sql, type Kysely } from 'kysely';
import { APPOINTMENT_STATES } from '../domain/appointment';
import type { Database } from '../store/database';
import { bucketDefinition, listTotals, type ListTotals } from './list-totals';
import type { UnbilledFilter } from './unbilled-schemas';
import type { UnbilledContext } from './unbilled-source';

interface Entry {
  generation: number;
  /** The clock of the computation, as ISO text: before it, rows that had ended may not have. */
  computedAt: string;
  /** The first end after computedAt of any of the business's appointments: from it, one more has ended. */
  validUntil: string | null;
  totals: ListTotals;
}

/** Filters remembered at once; each entry is one aggregate's answer (a year's byDay at most). */
const DEFAULT_CAPACITY = 64;

/**
 * The Unbilled list's count and totals, computed once per filter and kept by this process while they
 * cannot have changed: the business's list generation (migration 0022: raised by every committed write
 * the totals read, whichever process made it) is the one read, and the clock has not reached the next
 * appointment end (eligibility's only dependence on time: a row becomes ended). Keyed by the filter
 * (not the page or the sort), the setup fields the rule reads and the start buckets.
 */
export class ListTotalsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  async totals(db: Kysely<Database>, filter: UnbilledFilter, context: UnbilledContext): Promise<ListTotals> {
    const key = cacheKey(filter, context);
    const now = context.now.toISOString();
    // Read before the aggregate: a write committed after this read raises the counter past it, so what
    // is stored under it is recomputed on the next request, never kept beyond the write.
    const generation = await listGeneration(db, filter.businessId);
    const cached = this.entries.get(key);
    if (cached !== undefined && cached.generation === generation && cached.computedAt <= now && (cached.validUntil === null || now < cached.validUntil)) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.totals;
    }
    const [totals, validUntil] = await Promise.all([listTotals(db, filter, context), nextEnd(db, filter.businessId, now)]);
    this.entries.delete(key);
    // Frozen, and the same object for every later caller: a copy of a year's days cost half a
    // millisecond a request, and a caller that wrote to its answer would now fail loudly rather than
    // change the next caller's.
    this.entries.set(key, { generation, computedAt: now, validUntil, totals: deepFreeze(totals) });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return totals;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function cacheKey(filter: UnbilledFilter, context: UnbilledContext): string {
  const { setup } = context;
  const timeZone = setup.dailySummary.timeZone;
  const filterKey = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([filterKey, setup.addZeroLinesForFree, setup.noShowFee ?? null, timeZone, bucketDefinition(timeZone, context.now)]);
}

/** The business's list generation; 0 before its first write. */
async function listGeneration(db: Kysely<Database>, businessId: string): Promise<number> {
  const { rows } = await sql<{ generation: number | string }>`select generation from unbilled_list_generations where business_id = ${businessId}`.execute(db);
  return rows.length === 0 ? 0 : Number(rows[0]!.generation);
}

/**
 * The earliest end after `now` of any of the business's appointments, whatever its state (a reason
 * filter sees 'not-ended' on every row): one seek per state in the (business_id, state, end_utc) index.
 */
async function nextEnd(db: Kysely<Database>, businessId: string, now: string): Promise<string | null> {
  const perState = APPOINTMENT_STATES.map(
    (state) => sql`select min(end_utc) as e from appointments where business_id = ${businessId} and state = ${state} and end_utc > ${now}`,
  );
  const { rows } = await sql<{ e: string | null }>`select min(e) as e from (${sql.join(perState, sql` union all `)}) ends`.execute(db);
  return rows[0]?.e ?? null;
}
