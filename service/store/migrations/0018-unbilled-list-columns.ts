import { sql, type Kysely, type Migration } from 'kysely';
import { danishSortKey } from '../../unbilled/danish-sort-key';
import { isPostgres } from './dialect';

type Db = Kysely<unknown>;

/*
 * The Unbilled list's eligibility and amounts, materialised on each appointment (issue 14.3), so the
 * list's count, totals and first page read an index instead of evaluating the whole eligibility rule
 * on every matching row. Only what the appointment row and its service link decide is stored; what
 * depends on the clock (not ended yet), the setup (zero lines for free, the no-show and
 * late-cancellation fee) is applied by the query (service/unbilled/eligibility-sql.ts), which also
 * evaluates the whole rule for the few rows that may be billed as a fee (`list_fee`).
 *
 * Triggers keep the columns right whoever writes the row (a sync, a claim, an exclusion, a no-show,
 * a link of a customer): on SQLite an AFTER trigger recomputes the row, on PostgreSQL a BEFORE trigger
 * sets NEW. A service link's change touches its service's appointments, which recomputes them.
 *
 * The expressions are frozen here as this migration shipped them; eligibility-agreement.test.ts holds
 * them to eligibility.ts (the JS rule) on both stores.
 */

/** billedCustomers(): the attendees, else the one customer a person linked to the appointment. */
const BILLED = `(case when a.customer_count > 0 then a.customer_count when a.linked_bc_customer_id is not null then 1 else 0 end)`;
const ITEM_PRICED = `coalesce(sl.bc_item_unit_price_minor, 0) > 0`;
/** Price types whose amount Bookings gives, and those that need the item's or a typed price. */
const BOOKINGS_PRICED = `'fixedPrice', 'startingAt', 'hourly'`;
const PRICE_NEEDED = `'undefined', 'priceVaries', 'callUs', 'notSet', 'unknownFutureValue'`;
const UNIT = `(case
  when a.price_type = 'hourly' and a.duration_minutes <= 0 then null
  when a.price_type in (${BOOKINGS_PRICED}) then case when a.price_minor >= 0 then a.price_minor end
  when a.price_type = 'free' then 0
  when a.price_type in (${PRICE_NEEDED}) then case
    when ${ITEM_PRICED} then sl.bc_item_unit_price_minor
    when a.entered_price_minor >= 0 then a.entered_price_minor
  end
end)`;
const LINE = `(case when a.price_type = 'hourly' then (${UNIT} * a.duration_minutes + 30) / 60 else ${UNIT} end)`;
/** May be billed as a fee (a no-show, a cancellation a sync saw): the setup decides, so the query does. */
const FEE = `(case when a.no_show <> 0 or a.cancelled_seen_at is not null then 1 else 0 end)`;

/**
 * The sort keys of the customer (the first attendee's name) and service columns, in Danish order
 * (danish-sort-key.ts) as that rule stood when this migration ran: a later change of the rule needs
 * a migration that recomputes them.
 */
function sortKeys(db: Db): (readonly [string, string])[] {
  const danish = (expression: string) => danishSortKey(sql.raw(expression)).compile(db).sql;
  // Text that is no JSON (never written by the product) sorts as no name rather than failing the write;
  // PostgreSQL's cast cannot be tested first, so its trigger catches the error (postgresTriggers).
  const firstName = isPostgres(db)
    ? `(a.customers::jsonb) -> 0 ->> 'name'`
    : `(case when json_valid(a.customers) then json_extract(a.customers, '$[0].name') end)`;
  return [
    ['list_customer_key', danish(`coalesce(${firstName}, '')`)],
    ['list_service_key', danish('a.service_name')],
  ];
}

/** Each stored column and its value over `appointments a LEFT JOIN service_links sl`. */
const COLUMNS: readonly (readonly [string, string])[] = [
  // Not billed yet, or cancelled but perhaps billable as a fee: a superset of eligibility-sql's `open`.
  ['list_open', `(case when a.state = 'unbilled' or (a.state = 'cancelled' and ${FEE} = 1) then 1 else 0 end)`],
  ['list_fee', FEE],
  // Invoiceable but for the clock and the zero-amount (free) check, for a row that cannot be a fee.
  [
    'list_ready',
    `(case when ${FEE} = 0 and a.state = 'unbilled' and a.review_reason is null and ${BILLED} > 0
      and a.customers_without_email <= 0 and a.customers_blocked <= 0 and sl.bc_item_id is not null
      and ${UNIT} is not null then 1 else 0 end)`,
  ],
  ['list_unit_minor', UNIT],
  // What invoicing the service bills (not a fee): the line amount for each attendee.
  ['list_amount_minor', `(${LINE} * ${BILLED})`],
  ['list_currency', `(case when a.price_type in (${PRICE_NEEDED}) and ${ITEM_PRICED} then coalesce(sl.currency, a.currency) else a.currency end)`],
];

/** The appointment columns the values above read: a change of any of them recomputes the row. */
const INPUTS = [
  'business_id',
  'state',
  'no_show',
  'cancelled_seen_at',
  'review_reason',
  'customer_count',
  'linked_bc_customer_id',
  'customers_without_email',
  'customers_blocked',
  'price_type',
  'price_minor',
  'duration_minutes',
  'entered_price_minor',
  'currency',
  'service_id',
  'customers',
  'service_name',
];

const LINK_JOIN = `left join service_links sl on sl.business_id = a.business_id and sl.bookings_service_id = a.service_id`;

/** Every service appointment of a link: touching service_id fires the appointment trigger. */
const touchLinked = (link: 'NEW' | 'OLD') =>
  `update appointments set service_id = service_id where business_id = ${link}.business_id and service_id = ${link}.bookings_service_id`;

async function sqliteTriggers(db: Db, columns: readonly (readonly [string, string])[]): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  const values = columns.map(([, value]) => value).join(',\n');
  // Only list_* columns are written, none of INPUTS, so the trigger does not fire itself again.
  const recompute = `update appointments set (${names}) = (select ${values} from appointments a ${LINK_JOIN} where a.id = NEW.id) where id = NEW.id;`;
  await sql.raw(`create trigger appointments_list_insert after insert on appointments begin ${recompute} end`).execute(db);
  await sql.raw(`create trigger appointments_list_update after update of ${INPUTS.join(', ')} on appointments begin ${recompute} end`).execute(db);
  for (const [event, link] of [
    ['insert', 'NEW'],
    ['update', 'NEW'],
    ['delete', 'OLD'],
  ] as const) {
    await sql.raw(`create trigger service_links_list_${event} after ${event} on service_links begin ${touchLinked(link)}; end`).execute(db);
  }
  // A link that moved to another service leaves its old service's appointments too.
  await sql.raw(`create trigger service_links_list_update_old after update on service_links begin ${touchLinked('OLD')}; end`).execute(db);
}

async function postgresTriggers(db: Db, columns: readonly (readonly [string, string])[]): Promise<void> {
  const plain = columns.filter(([name]) => name !== 'list_customer_key');
  const targets = plain.map(([name]) => `NEW.${name}`).join(', ');
  const values = plain.map(([, value]) => value).join(',\n');
  const customerKey = columns.find(([name]) => name === 'list_customer_key')?.[1] ?? `''`;
  // Unqualified names resolve through the session's search_path, as every other statement does.
  await sql
    .raw(
      `create function appointments_list_values() returns trigger language plpgsql as $$
begin
  select ${values} into ${targets} from (select NEW.*) a ${LINK_JOIN};
  begin
    select ${customerKey} into NEW.list_customer_key from (select NEW.*) a;
  exception when invalid_text_representation then
    NEW.list_customer_key := '';
  end;
  return NEW;
end $$`,
    )
    .execute(db);
  await sql
    .raw(`create trigger appointments_list before insert or update on appointments for each row execute function appointments_list_values()`)
    .execute(db);
  await sql
    .raw(
      `create function service_links_list_touch() returns trigger language plpgsql as $$
begin
  if TG_OP <> 'INSERT' then ${touchLinked('OLD')}; end if;
  if TG_OP <> 'DELETE' then ${touchLinked('NEW')}; end if;
  return null;
end $$`,
    )
    .execute(db);
  await sql
    .raw(`create trigger service_links_list after insert or update or delete on service_links for each row execute function service_links_list_touch()`)
    .execute(db);
}

/** The list's own columns each index carries after its key, so a page is found without reading rows. */
const FILTERED = ['id', 'list_fee', 'list_ready', 'list_amount_minor', 'list_currency', 'service_id'];

async function up(db: Db): Promise<void> {
  const postgres = isPostgres(db);
  for (const [name] of COLUMNS) {
    const type = name === 'list_currency' ? 'text' : name.endsWith('_minor') ? 'bigint' : 'integer';
    await db.schema
      .alterTable('appointments')
      .addColumn(name, type, (c) => (name.endsWith('_minor') ? c : c.notNull().defaultTo(type === 'text' ? '' : 0)))
      .execute();
  }
  for (const [name] of sortKeys(db)) {
    // Byte order on PostgreSQL as on SQLite (see unbilled-order.ts), so an index on it serves the sort.
    await db.schema
      .alterTable('appointments')
      .addColumn(name, 'text', (c) => (postgres ? c.modifyFront(sql`collate "C"`) : c).notNull().defaultTo(''))
      .execute();
  }
  const columns = [...COLUMNS, ...sortKeys(db)];
  if (postgres) await postgresTriggers(db, columns);
  else await sqliteTriggers(db, columns);
  // The rows already there.
  await sql`update appointments set service_id = service_id`.execute(db);

  // The open rows in each order the list offers (start and end also carry what the totals read); the
  // few rows that may be a fee apart.
  await db.schema
    .createIndex('appointments_list_start_idx')
    .on('appointments')
    .columns(['business_id', 'list_open', 'start_utc', ...FILTERED, 'end_utc'])
    .execute();
  await db.schema
    .createIndex('appointments_list_end_idx')
    .on('appointments')
    .columns(['business_id', 'list_open', 'end_utc', ...FILTERED, 'start_utc'])
    .execute();
  for (const [name, key] of LIST_INDEXES) {
    await db.schema
      .createIndex(name)
      .on('appointments')
      .columns(['business_id', 'list_open', key, ...FILTERED, 'end_utc'])
      .execute();
  }
  await db.schema.createIndex('appointments_list_fee_idx').on('appointments').columns(['business_id', 'list_fee', 'list_open', 'start_utc']).execute();
}

const LIST_INDEXES = [
  ['appointments_list_customer_idx', 'list_customer_key'],
  ['appointments_list_service_idx', 'list_service_key'],
  ['appointments_list_duration_idx', 'duration_minutes'],
] as const;

async function down(db: Db): Promise<void> {
  for (const name of ['appointments_list_fee_idx', ...LIST_INDEXES.map(([index]) => index), 'appointments_list_end_idx', 'appointments_list_start_idx']) {
    await db.schema.dropIndex(name).execute();
  }
  if (isPostgres(db)) {
    await sql.raw('drop trigger service_links_list on service_links').execute(db);
    await sql.raw('drop trigger appointments_list on appointments').execute(db);
    await sql.raw('drop function service_links_list_touch()').execute(db);
    await sql.raw('drop function appointments_list_values()').execute(db);
  } else {
    for (const name of [
      'appointments_list_insert',
      'appointments_list_update',
      'service_links_list_insert',
      'service_links_list_update',
      'service_links_list_delete',
      'service_links_list_update_old',
    ]) {
      await sql.raw(`drop trigger ${name}`).execute(db);
    }
  }
  for (const [name] of [...COLUMNS, ...sortKeys(db)].reverse()) await db.schema.alterTable('appointments').dropColumn(name).execute();
}

export const unbilledListColumns: Migration = { up, down };
