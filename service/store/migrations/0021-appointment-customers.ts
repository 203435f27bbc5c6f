import { sql, type Kysely, type Migration } from 'kysely';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * Each appointment's attendees as rows (issue 14.3), so the Unbilled list's customer filter finds an
 * attendee's appointments through an index, or scans these narrow rows for a name or email, instead of
 * parsing every appointment's JSON. Triggers keep the rows right whoever writes `customers`.
 *
 * The attendee's id is `customerId` or `id` (the sync writes `id`, '' when none); name and email are
 * stored lower-cased, as the filter compares them. Each distinct attendee (id, name, email) of a
 * business is also kept once in appointment_attendees_seen, so the filter's substring match runs over
 * a business's few hundred attendees, then their appointments come from the index. A seen attendee is
 * never removed: one no appointment has any more matches nothing in appointment_customers. Text that is no JSON (never written by the product) has
 * no attendees here rather than failing the write.
 */

async function sqliteTriggers(db: Db): Promise<void> {
  const fill = `insert into appointment_customers (appointment_id, business_id, customer_id, name, email)
    select NEW.id, NEW.business_id, coalesce(json_extract(c.value, '$.customerId'), json_extract(c.value, '$.id'), ''),
      lower(coalesce(json_extract(c.value, '$.name'), '')), lower(coalesce(json_extract(c.value, '$.email'), ''))
    from json_each(case when json_valid(NEW.customers) then NEW.customers else '[]' end) as c
    where c.type = 'object';
    insert or ignore into appointment_attendees_seen (business_id, customer_id, name, email)
    select distinct business_id, customer_id, name, email from appointment_customers where appointment_id = NEW.id;`;
  const clear = (row: 'NEW' | 'OLD') => `delete from appointment_customers where appointment_id = ${row}.id;`;
  await sql.raw(`create trigger appointment_customers_insert after insert on appointments begin ${fill} end`).execute(db);
  await sql
    .raw(`create trigger appointment_customers_update after update of id, business_id, customers on appointments begin ${clear('OLD')} ${fill} end`)
    .execute(db);
  await sql.raw(`create trigger appointment_customers_delete after delete on appointments begin ${clear('OLD')} end`).execute(db);
}

async function postgresTriggers(db: Db): Promise<void> {
  await sql
    .raw(
      `create function appointment_customers_sync() returns trigger language plpgsql as $$
begin
  if TG_OP <> 'INSERT' then
    delete from appointment_customers where appointment_id = OLD.id;
  end if;
  if TG_OP <> 'DELETE' then
    begin
      insert into appointment_customers (appointment_id, business_id, customer_id, name, email)
      select NEW.id, NEW.business_id, coalesce(c.v ->> 'customerId', c.v ->> 'id', ''),
        lower(coalesce(c.v ->> 'name', '')), lower(coalesce(c.v ->> 'email', ''))
      from jsonb_array_elements(case when jsonb_typeof(NEW.customers::jsonb) = 'array' then NEW.customers::jsonb else '[]'::jsonb end) as c(v)
      where jsonb_typeof(c.v) = 'object';
      insert into appointment_attendees_seen (business_id, customer_id, name, email)
      select distinct business_id, customer_id, name, email from appointment_customers where appointment_id = NEW.id
      on conflict do nothing;
    exception when invalid_text_representation then
      null;
    end;
  end if;
  return null;
end $$`,
    )
    .execute(db);
  // An update that does not set the attendees (a claim, an exclusion) does not rewrite them.
  await sql
    .raw(
      `create trigger appointment_customers_insert_delete after insert or delete on appointments
       for each row execute function appointment_customers_sync()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger appointment_customers_update after update of id, business_id, customers on appointments
       for each row execute function appointment_customers_sync()`,
    )
    .execute(db);
}

async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('appointment_customers')
    .addColumn('appointment_id', 'text', (c) => c.notNull())
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('appointment_attendees_seen')
    .addColumn('business_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_attendees_seen_pk', ['business_id', 'customer_id', 'name', 'email'])
    .execute();
  // An attendee's appointments, found from a seen attendee without reading a table row.
  await db.schema
    .createIndex('appointment_customers_idx')
    .on('appointment_customers')
    .columns(['business_id', 'customer_id', 'name', 'email', 'appointment_id'])
    .execute();
  await db.schema.createIndex('appointment_customers_appointment_idx').on('appointment_customers').column('appointment_id').execute();
  // The price sort (unbilled-order.ts: rows without a price last, then the unit price, then the id) of
  // the open rows, carrying what the list's other indexes carry, so a page needs no sort of them all.
  await sql
    .raw(
      `create index appointments_list_price_idx on appointments (business_id, list_open, (case when list_unit_minor is null then 1 else 0 end), list_unit_minor, id, list_fee, list_ready, list_amount_minor, list_currency, service_id, end_utc)`,
    )
    .execute(db);
  if (isPostgres(db)) await postgresTriggers(db);
  else await sqliteTriggers(db);
  // The rows already there.
  await sql`update appointments set customers = customers`.execute(db);
}

async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('appointments_list_price_idx').execute();
  if (isPostgres(db)) {
    await sql.raw('drop trigger appointment_customers_update on appointments').execute(db);
    await sql.raw('drop trigger appointment_customers_insert_delete on appointments').execute(db);
    await sql.raw('drop function appointment_customers_sync()').execute(db);
  } else {
    for (const name of ['appointment_customers_insert', 'appointment_customers_update', 'appointment_customers_delete']) {
      await sql.raw(`drop trigger ${name}`).execute(db);
    }
  }
  await db.schema.dropTable('appointment_attendees_seen').execute();
  await db.schema.dropTable('appointment_customers').execute();
}

export const appointmentCustomers: Migration = { up, down };
