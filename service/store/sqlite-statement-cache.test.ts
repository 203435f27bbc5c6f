import BetterSqlite3 from 'better-sqlite3';
import { withStatementCache } from './sqlite-statement-cache';

/* Kysely's SQLite driver prepares every query: the cache hands back the statement of an earlier one. */

let raw: BetterSqlite3.Database;
let prepared: string[];

beforeEach(() => {
  raw = new BetterSqlite3(':memory:');
  raw.exec('create table t (id integer primary key, name text)');
  raw.exec("insert into t (name) values ('a'), ('b'), ('c')");
  prepared = [];
  const prepare = raw.prepare.bind(raw);
  raw.prepare = (source: string) => {
    prepared.push(source);
    return prepare(source);
  };
});
afterEach(() => {
  if (raw.open) raw.close();
});

test('a query of the same text is compiled once, and answers with the values it is given', () => {
  const db = withStatementCache(raw);
  const byId = 'select name from t where id = ?';
  expect(db.prepare(byId).all([1])).toEqual([{ name: 'a' }]);
  expect(db.prepare(byId).all([3])).toEqual([{ name: 'c' }]);
  expect(db.prepare('select count(*) as n from t').all([])).toEqual([{ n: 3 }]);
  expect(prepared).toEqual([byId, 'select count(*) as n from t']);
});

test('past its capacity the least recently used statement is compiled again', () => {
  const db = withStatementCache(raw, 2);
  const [q1, q2, q3] = [1, 2, 3].map((id) => `select name from t where id = ${id}`) as [string, string, string];
  db.prepare(q1);
  db.prepare(q2);
  db.prepare(q1); // q1 used last: q2 is the one to go
  db.prepare(q3);
  db.prepare(q1);
  db.prepare(q2);
  expect(prepared).toEqual([q1, q2, q3, q2]);
});

test('a statement still being iterated is not handed out again: the second query gets its own', () => {
  const db = withStatementCache(raw);
  const all = 'select name from t order by id';
  const outer = db.prepare(all).iterate([]);
  expect(outer.next().value).toEqual({ name: 'a' });
  // Kept statement busy: a statement of its own, which reads every row while the first is mid-way.
  expect(db.prepare(all).all([])).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
  expect([...outer]).toEqual([{ name: 'b' }, { name: 'c' }]);
  expect(prepared).toEqual([all, all]);
  // Done iterating: the kept one serves again.
  db.prepare(all).all([]);
  expect(prepared).toHaveLength(2);
});

test('after DDL every statement is compiled again, so none reads a table as it was', () => {
  const db = withStatementCache(raw);
  const star = 'select * from t where id = ?';
  expect(db.prepare(star).all([1])).toEqual([{ id: 1, name: 'a' }]);
  db.prepare('alter table t add column note text').run([]);
  expect(db.prepare(star).all([1])).toEqual([{ id: 1, name: 'a', note: null }]);
  expect(prepared).toEqual([star, 'alter table t add column note text', star]);
});

test('closing closes the database', () => {
  const db = withStatementCache(raw);
  db.prepare('select 1').all([]);
  db.close();
  expect(raw.open).toBe(false);
});
