import { CompiledQuery, createQueryId, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { z } from 'zod';
import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { LIST_SORT_AND_FILTER_INDEXES } from './testing/list-indexes';
import { appointmentRow, BUSINESS, context, NOW, resetRows } from './testing/unbilled-fixtures';
import { SORT_KEYS } from './unbilled-schemas';

/*
 * Migration 0033 keeps only the listed rows (list_open = 1) in the list's sort and filter indexes. A
 * partial index serves a query only when the query's WHERE names its condition; one that lost it
 * would read the table (or another of its indexes) instead, on every request. So: the indexes are
 * partial, and every statement the list runs reads appointments through them or by id (PostgreSQL is
 * told to avoid a table scan wherever it can: with a test's few rows it would choose one by cost).
 */

const definitionsSchema = z.array(z.object({ name: z.string(), definition: z.string() }));

/** Every statement a piece of work runs, as compiled for the store. */
function recorder(): KyselyPlugin & { nodes: RootOperationNode[] } {
  const nodes: RootOperationNode[] = [];
  return {
    nodes,
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

describeEachStore('the list indexes hold the listed rows only', (getStore, suite) => {
  beforeAll(() =>
    resetRows(
      getStore().db,
      Array.from({ length: 30 }, (_, i) =>
        appointmentRow(`p-${i}`, {
          state: i % 3 === 0 ? 'invoiced' : 'unbilled',
          service_id: i % 2 === 0 ? 'svc-linked' : 'svc-other',
          attendees: [{ id: `c${i % 4}`, name: `Kunde ${i % 4}`, email: `kunde${i % 4}@example.dk` }],
        }),
      ),
    ),
  );

  it('every list index but the by-id one is partial, on list_open = 1', async () => {
    const { rows } =
      suite.kind === 'postgres'
        ? await sql`select indexname as name, indexdef as definition from pg_indexes where schemaname = current_schema() and indexname like 'appointments_list_%'`.execute(
            getStore().db,
          )
        : await sql`select name, sql as definition from sqlite_master where type = 'index' and name like 'appointments_list_%'`.execute(getStore().db);
    const definitions = new Map(definitionsSchema.parse(rows).map((r) => [r.name, r.definition]));
    expect([...definitions.keys()].sort()).toEqual([...LIST_SORT_AND_FILTER_INDEXES, 'appointments_list_by_id_idx'].sort());
    for (const name of LIST_SORT_AND_FILTER_INDEXES) expect([name, /\swhere\s+\(?list_open = 1\)?$/i.test(definitions.get(name)!)]).toEqual([name, true]);
    expect(definitions.get('appointments_list_by_id_idx')).not.toMatch(/\swhere\s/i);
  });

  // The views of listed rows; those of other states (all, invoiced, cancelled...) read the table's other indexes.
  const requests: Array<[string, Record<string, unknown>]> = [
    ...SORT_KEYS.flatMap((sort) =>
      (['asc', 'desc'] as const).map((direction): [string, Record<string, unknown>] => [`sort ${sort} ${direction}`, { sort, direction }]),
    ),
    ['period', { from: '2026-11-01', to: '2026-11-15' }],
    ['customer search', { search: 'kunde 1' }],
    ['customer filter', { customer: 'kunde2@example.dk' }],
    ['service filter', { serviceId: 'svc-linked' }],
    ['staff filter', { staffMemberId: 'staff-1' }],
    ['not invoiceable', { state: 'not-invoiceable' }],
    ['unbilled, ready or not', { state: 'unbilled' }],
  ];

  /** The plan's lines, PostgreSQL told to avoid reading a table whole wherever an index can serve. */
  async function planOf(query: CompiledQuery): Promise<string[]> {
    if (suite.kind === 'sqlite') {
      const plan = await getStore().db.executeQuery(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
      return z
        .array(z.object({ detail: z.string() }))
        .parse(plan.rows)
        .map((r) => r.detail);
    }
    return getStore()
      .db.transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const plan = await trx.executeQuery(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
        return z
          .array(z.object({ 'QUERY PLAN': z.string() }))
          .parse(plan.rows)
          .map((r) => r['QUERY PLAN'].trim());
      });
  }

  /**
   * What reads appointments other than a list index or the primary key: a whole-table scan, or another of
   * its indexes. Not the rows a first sync's deferred triggers have not written for yet (deferred-indexes.ts,
   * alias u): they are read only after the look-up of that deferral, which finds nothing once it has ended.
   */
  const otherReads = (plan: readonly string[]) => {
    const deferral = plan.findIndex((line) => /^SEARCH d USING COVERING INDEX sqlite_autoindex_deferred_indexes_1\b/.test(line));
    return plan.filter(
      (line, i) =>
        !(deferral >= 0 && i > deferral && /^(SCAN|SEARCH) u\b/.test(line)) &&
        (/^SCAN (a|appointments)\b(?!.*USING)/.test(line) ||
          /Seq Scan on appointments\b/.test(line) ||
          [...line.matchAll(/\b(appointments_\w+)/g)].some(([, index]) => !index!.startsWith('appointments_list_') && index !== 'appointments_pkey')),
    );
  };

  it.each(requests)('%s reads appointments through the list indexes (or by id) only', async (_label, request) => {
    const plugin = recorder();
    const db = getStore().db.withPlugin(plugin);
    await queryUnbilled(db, { businessId: BUSINESS, limit: 50, ...request }, context({}, NOW));
    const reading = plugin.nodes.map((node) => db.getExecutor().compileQuery(node, createQueryId())).filter((q) => /\bappointments\b/.test(q.sql));
    expect(reading.length).toBeGreaterThan(0);
    for (const query of reading) expect(otherReads(await planOf(query))).toEqual([]);
  });
});
