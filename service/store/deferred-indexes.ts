import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Logger } from '../logging/logger';
import type { Database } from './database';
import { isPostgres } from './migrations/dialect';

/*
 * A year's first sync into an empty SQLite store builds the Unbilled list's indexes once, at its end,
 * instead of entry by entry. Each new appointment went into about 25 B-trees; the list's sort indexes
 * (a dozen covering ones, keyed by business, then a customer, a service, a price...) and the
 * customer and staff filters' indexes were half of SQLite's work and most of the pages each weekly
 * commit wrote. Inserting a year (96,600 appointments, week by week as the sync commits) without them
 * and then creating them took 17.7-19.5 + 3.0-3.6 s instead of 31-35 s (this machine, the bench's data,
 * four runs each); the bench's whole first sync, their build included, 42-46 s instead of 58.9 s.
 *
 * Only indexes nothing but the list reads are deferred (the sync's own reads and the triggers' look-ups
 * by appointment id stay): while they are away the list still answers, from the table, only slower. The
 * list names one of them, migration 0028's by-id index, in INDEXED BY, and asks isDeferred() first. That
 * one (covering, keyed by Graph's random ids) took every new appointment at a random page: deferring it
 * too, inserting the replayed year below took 9.1-10.5 s of SQLite instead of 14.1-14.4, 1,019 MB written
 * instead of 1,899. Their definitions wait in `deferred_indexes` (migration
 * 0032) in the transaction that drops them, so a process killed meanwhile gets them back the next
 * time the store opens. PostgreSQL maintains its indexes in its own processes: nothing is deferred.
 *
 * What three triggers write of each new appointment is written at the end in the same way, one
 * statement each: its search entry (the customer search's FTS5 trigram table: a key, the text, its
 * size, its trigrams), its attendees' rows and its staff rows. Their triggers are dropped and kept with
 * the indexes, and put back, after what they would have written, before the indexes are built.
 * Inserting the bench's year (96,615 appointments, week by week, a replay on this machine) took 21.3-21.4 s
 * of SQLite with all three row by row, 18.1-18.9 s with the search's deferred and 14.8-18.3 s with all
 * three, their fills included (3-4.5 s); 3,508, 2,936 and 1,899 MB written. Meanwhile the
 * list's search, customer and staff filters also read what the triggers have not written yet from the
 * appointments themselves (AWAITING_*).
 */

/** Read only by the Unbilled list's sorts and filters (the by-id one only where the list names it: isDeferred). */
const DEFERRABLE = sql<boolean>`name like 'appointments\\_list\\_%' escape '\\' or name in ('appointment_customers_idx', 'appointment_staff_idx')`;

/**
 * Filled at the end instead of row by row: the triggers that give each new appointment its search
 * entry (migration 0023), its attendees' rows (0021) and its staff rows (0023). Updates and deletes
 * meanwhile (their own triggers) find nothing of an appointment inserted without them and leave it
 * so, or write its rows whole: exactly the appointments without rows lack them.
 */
const SEARCH_TRIGGER = 'appointment_search_insert';
const ATTENDEES_TRIGGER = 'appointment_customers_insert';
const STAFF_TRIGGER = 'appointment_staff_insert';
const DEFERRED_TRIGGERS = [ATTENDEES_TRIGGER, SEARCH_TRIGGER, STAFF_TRIGGER];

/*
 * What each deferred trigger has not written yet, for the list's filters to read meanwhile (SQLite;
 * no rows, found by one look-up, once its trigger is back) and for the fill. Each CROSS JOIN keeps
 * deferred_indexes the outer loop: as an EXISTS beside the scan, SQLite walked every appointment to
 * test it (58 ms a search at 100,000 instead of 6).
 */

/** The ids of the appointments without a search entry. */
export const AWAITING_SEARCH_ENTRY = sql<string>`select u.id from deferred_indexes d cross join appointments u
  where d.name = ${SEARCH_TRIGGER} and not exists (select 1 from appointment_search_keys k where k.appointment_id = u.id)`;

/** The attendees of the appointments without attendee rows, as migration 0021's trigger takes them from the JSON. */
export const AWAITING_ATTENDEES = sql<{ appointment_id: string; business_id: string; customer_id: string; name: string; email: string }>`select
    u.id as appointment_id, u.business_id as business_id,
    coalesce(json_extract(c.value, '$.customerId'), json_extract(c.value, '$.id'), '') as customer_id,
    lower(coalesce(json_extract(c.value, '$.name'), '')) as name, lower(coalesce(json_extract(c.value, '$.email'), '')) as email
  from deferred_indexes d cross join appointments u cross join json_each(case when json_valid(u.customers) then u.customers else '[]' end) as c
  where d.name = ${ATTENDEES_TRIGGER} and c.type = 'object' and not exists (select 1 from appointment_customers x where x.appointment_id = u.id)`;

/** The staff of the appointments without staff rows, as migration 0023's trigger takes them from the JSON. */
export const AWAITING_STAFF = sql<{ appointment_id: string; business_id: string; staff_member_id: string }>`select
    u.id as appointment_id, u.business_id as business_id, s.value as staff_member_id
  from deferred_indexes d cross join appointments u
    cross join json_each(case when json_valid(u.staff_member_ids) and json_type(u.staff_member_ids) = 'array' then u.staff_member_ids else '[]' end) as s
  where d.name = ${STAFF_TRIGGER} and s.type = 'text' and not exists (select 1 from appointment_staff x where x.appointment_id = u.id)`;

/** SQLite: whether `name` (an index or trigger) waits in deferred_indexes for a first sync to end; never on PostgreSQL. */
export async function isDeferred(db: Kysely<Database>, name: string): Promise<boolean> {
  if (isPostgres(db as Kysely<unknown>)) return false;
  const { rows } = await sql`select 1 from deferred_indexes where name = ${name}`.execute(db);
  return rows.length > 0;
}

const indexSchema = z.object({ name: z.string(), definition: z.string().regex(/^create (index|trigger) /i) });

/**
 * SQLite only. When the appointments table is empty (a first sync is about to fill it), drops the
 * list-only indexes and keeps their definitions. Returns the names deferred, none when the table holds rows
 * or they are deferred already.
 */
export async function deferListIndexesWhileEmpty(db: Kysely<Database>): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const { rows: filled } = await sql`select 1 from appointments limit 1`.execute(trx);
    if (filled.length > 0) return [];
    const { rows } = await sql<unknown>`select name, sql as definition from sqlite_master
      where (type = 'index' and ${DEFERRABLE}) or (type = 'trigger' and name in (${sql.join(DEFERRED_TRIGGERS)})) order by name`.execute(trx);
    const deferred = z.array(indexSchema).parse(rows);
    for (const entry of deferred) {
      await sql`insert into deferred_indexes (name, definition) values (${entry.name}, ${entry.definition})`.execute(trx);
      await sql`drop ${sql.raw(DEFERRED_TRIGGERS.includes(entry.name) ? 'trigger' : 'index')} ${sql.id(entry.name)}`.execute(trx);
    }
    return deferred.map((i) => i.name);
  });
}

/**
 * Creates every deferred index again, each in a transaction of its own (a year's worth takes a few
 * seconds of SQLite in all; one at a time, requests get the database between them). The appointment
 * phase calls it once its bulk write is done, so the sync that deferred them ends with them built; the
 * store calls it again when the last bulk work ends (whatever way) and when it opens. A failure leaves
 * them deferred for the next of those and is logged, never raised. Nothing to do on PostgreSQL.
 */
export async function restoreDeferredIndexes(db: Kysely<Database>, logger: Logger): Promise<void> {
  if (isPostgres(db as Kysely<unknown>)) return;
  try {
    const { rows: table } = await sql`select 1 from sqlite_master where type = 'table' and name = 'deferred_indexes'`.execute(db);
    // A database older than migration 0032 has none.
    if (table.length === 0) return;
    const { rows } = await sql<unknown>`select name, definition from deferred_indexes order by definition like 'create trigger%' desc, name`.execute(db);
    const deferred = z.array(indexSchema).parse(rows);
    if (deferred.length === 0) return;
    const created: string[] = [];
    // Sorted in temporary files, not in the heap: sorted in memory, a year's indexes left the app 19 MB
    // more resident after the sync (279.6 against 260.6 MB, the bench's harness), the base of the invoice run's peak.
    const { rows: setting } = await sql<{ temp_store: number }>`pragma temp_store`.execute(db);
    await sql`pragma temp_store = FILE`.execute(db);
    try {
      for (const index of deferred) {
        await db.transaction().execute(async (trx) => {
          const { rows: present } = await sql`select 1 from sqlite_master where name = ${index.name}`.execute(trx);
          if (present.length === 0) {
            await FILLS[index.name]?.(trx);
            await sql.raw(index.definition).execute(trx);
            created.push(index.name);
          }
          await sql`delete from deferred_indexes where name = ${index.name}`.execute(trx);
        });
      }
    } finally {
      await sql.raw(`pragma temp_store = ${Number(setting[0]?.temp_store ?? 0)}`).execute(db);
    }
    if (created.length > 0) logger.info({ indexes: created }, 'deferred list indexes created');
  } catch (err) {
    logger.warn({ err }, 'deferred list indexes not created yet: the list answers from the table until they are');
  }
}

/** What the search trigger would have written: a key (its INTEGER PRIMARY KEY, so each new one is above every earlier one) and the trigram entry under it. */
async function fillSearch(trx: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ last: number | null }>`select max(key) as last from appointment_search_keys`.execute(trx);
  const last = rows[0]?.last ?? 0;
  await sql`insert into appointment_search_keys (appointment_id) select u.id from (${AWAITING_SEARCH_ENTRY}) u order by u.id`.execute(trx);
  await sql`insert into appointment_search (rowid, search_text)
    select k.key, a.search_text from appointment_search_keys k join appointments a on a.id = k.appointment_id where k.key > ${last}`.execute(trx);
}

/** What the deferred triggers would have written, each written before its trigger is back (in the same transaction). */
const FILLS: Partial<Record<string, (trx: Kysely<Database>) => Promise<void>>> = {
  [SEARCH_TRIGGER]: fillSearch,
  [ATTENDEES_TRIGGER]: async (trx) => {
    await sql`insert into appointment_customers (appointment_id, business_id, customer_id, name, email)
      select w.appointment_id, w.business_id, w.customer_id, w.name, w.email from (${AWAITING_ATTENDEES}) w`.execute(trx);
    await sql`insert or ignore into appointment_attendees_seen (business_id, customer_id, name, email)
      select distinct business_id, customer_id, name, email from appointment_customers`.execute(trx);
  },
  [STAFF_TRIGGER]: async (trx) => {
    await sql`insert into appointment_staff (appointment_id, business_id, staff_member_id)
      select w.appointment_id, w.business_id, w.staff_member_id from (${AWAITING_STAFF}) w`.execute(trx);
  },
};
