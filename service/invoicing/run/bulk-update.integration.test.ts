import { sql } from 'kysely';
import { describeEachStore } from '../../store/testing/test-stores';
import { CASE_ROWS_PER_STATEMENT, caseById, slices } from './bulk-update';

interface ProbeRow {
  id: string;
  label: string | null;
  amount: number | null;
  untouched: string;
}

/** 250 rows: more than two slices of CASE_ROWS_PER_STATEMENT, the last one partial. */
const ROWS = 250;
const ids = Array.from({ length: ROWS }, (_, i) => `row-${String(i).padStart(3, '0')}`);
/** Mixed values: nulls, an empty string, quotes, negatives, zero and amounts beyond 32 bits (minor units). */
const labelOf = (i: number): string | null => (i % 7 === 0 ? null : i % 11 === 0 ? '' : `label ${i} 'quoted' ${i % 3 === 0 ? 'æøå' : ''}`);
const amountOf = (i: number): number | null => (i % 5 === 0 ? null : i % 13 === 0 ? 0 : (i % 2 === 0 ? -1 : 1) * (i * 1_000_003 + 4_294_967_296));

describeEachStore('Set-based UPDATEs (bulk-update)', (_getStore, suite) => {
  it('slices cover every item once, in order, the last slice partial', () => {
    const parts = slices(ids, CASE_ROWS_PER_STATEMENT);
    expect(parts.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(parts.flat()).toEqual(ids);
    expect(slices([], CASE_ROWS_PER_STATEMENT)).toEqual([]);
  });

  it('caseById gives each row its own value (text, integer, null) over several slices and leaves other rows alone', async () => {
    const store = await suite.freshTarget().open();
    const db = store.db.withTables<{ bulk_probe: ProbeRow }>();
    await db.schema
      .createTable('bulk_probe')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text')
      .addColumn('amount', 'bigint')
      .addColumn('untouched', 'text', (c) => c.notNull())
      .execute();
    try {
      // Every row starts with a value, so a null written is seen as written; a few rows are never updated.
      const all = [...ids, 'other-1', 'other-2'];
      for (const part of slices(all, 100)) {
        await db
          .insertInto('bulk_probe')
          .values(part.map((id) => ({ id, label: 'before', amount: 7, untouched: `u-${id}` })))
          .execute();
      }

      const rows = ids.map((id, i) => ({ id, label: labelOf(i), amount: amountOf(i) }));
      let statements = 0;
      for (const part of slices(rows, CASE_ROWS_PER_STATEMENT)) {
        statements += 1;
        await db
          .updateTable('bulk_probe')
          .set({
            label: caseById(
              part,
              (r) => r.id,
              (r) => r.label,
            ),
            amount: caseById(
              part,
              (r) => r.id,
              (r) => r.amount,
              'integer',
            ),
          })
          .where(
            'id',
            'in',
            part.map((r) => r.id),
          )
          .execute();
      }
      expect(statements).toBe(3);

      const read = await db.selectFrom('bulk_probe').selectAll().orderBy('id').execute();
      // PostgreSQL's driver returns bigint as a string: compare as numbers.
      const got = read.map((r) => ({ id: r.id, label: r.label, amount: r.amount === null ? null : Number(r.amount), untouched: r.untouched }));
      expect(got).toEqual([
        { id: 'other-1', label: 'before', amount: 7, untouched: 'u-other-1' },
        { id: 'other-2', label: 'before', amount: 7, untouched: 'u-other-2' },
        ...ids.map((id, i) => ({ id, label: labelOf(i), amount: amountOf(i), untouched: `u-${id}` })),
      ]);
      // The written values are typed, not text: integer arithmetic works on them.
      const sum = await db
        .selectFrom('bulk_probe')
        .select(sql<string | number>`sum(amount)`.as('total'))
        .where('id', 'in', ids)
        .executeTakeFirstOrThrow();
      expect(Number(sum.total)).toBe(ids.reduce((total, _id, i) => total + (amountOf(i) ?? 0), 0));
    } finally {
      await db.schema.dropTable('bulk_probe').execute();
    }
  });
});
