import { sql, type Kysely } from 'kysely';
import { setupSchema } from '../setup/setup-schema';
import { TABLES } from './database';
import { migrations } from './migrations';
import { openStore, type AppStore } from './open-store';
import { describeEachStore } from './testing/test-stores';

/*
 * A database of every earlier schema version upgrades to the latest with its data: for each version
 * k, a fresh database is migrated to k, every table that exists then gets a representative row in
 * the columns that exist then, and the database is opened as the app opens it (to the latest).
 * What was stored reads back unchanged; a column added later holds its default; and the one
 * migration that rewrites data (0007, role lists by object id) has rewritten it.
 */

const NAMES = Object.keys(migrations).sort();
const OID = '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11';
const EMAIL = 'anna@contoso.com';
const ROLES_REWRITE = '0007-roles-by-object-id';

/** The setup as stored before 0007: an email among the admins. */
const SETUP_DATA = { businessId: 'clinic@contoso.onmicrosoft.com', roles: { admins: [EMAIL, OID], invoicers: [] } };

/** Columns whose value another table or a migration reads; every other column gets a value made from its name. */
const FIXED: Record<string, unknown> = {
  'setup.data': JSON.stringify(SETUP_DATA),
  'invoices.run_id': 'run-1',
  'invoice_runs.id': 'run-1',
  'invoices.id': 'invoice-1',
  'invoice_lines.invoice_id': 'invoice-1',
  'conversations.id': 'conversation-1',
  'posted_cards.conversation_id': 'conversation-1',
  // The partial unique indexes look at these; one row each is within them.
  'sync_runs.state': 'succeeded',
  'invoice_lines.state': 'invoiced',
};

/** What a column added by a later migration holds on a row written before it. */
const ADDED_DEFAULTS: Record<string, unknown> = {
  'appointments.customer_count': 0,
  'appointments.customers_without_email': 0,
  'appointments.search_text': '',
  'appointments.customers_blocked': 0,
  'appointments.last_attempt_failed': 0,
  'sync_runs.rejected_count': 0,
  'customer_links.bc_blocked': 0,
  'invoices.position': 0,
  'leases.token': 0,
  'invoice_runs.after_create': 'draft',
  'appointments.no_show': 0,
};

/** Kept by triggers from the row's other columns (0018, the Unbilled list's): computed, whatever was written. */
const DERIVED = new Set(
  ['list_open', 'list_fee', 'list_ready', 'list_unit_minor', 'list_amount_minor', 'list_currency', 'list_customer_key', 'list_service_key'].map(
    (c) => `appointments.${c}`,
  ),
);

interface Column {
  name: string;
  numeric: boolean;
}

async function columnsOf(db: Kysely<unknown>, kind: AppStore['kind']): Promise<Map<string, Column[]>> {
  const own = kind === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const tables = (await db.introspection.getTables()).filter((t) => t.schema === own);
  return new Map(tables.map((t) => [t.name, t.columns.map((c) => ({ name: c.name, numeric: /int/i.test(c.dataType) }))]));
}

function valueFor(table: string, column: Column, index: number): unknown {
  const key = `${table}.${column.name}`;
  if (key in FIXED) return FIXED[key];
  return column.numeric ? 100 + index : `${key}#v`;
}

/** A row as the product writes it: every column but the derived ones, which no code writes (since 0029 a value given for them is kept). */
function rowFor(table: string, columns: readonly Column[]): Record<string, unknown> {
  return Object.fromEntries(columns.filter((c) => !DERIVED.has(`${table}.${c.name}`)).map((c, i) => [c.name, valueFor(table, c, i)]));
}

const anyDb = (store: AppStore) => store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;

describeEachStore('migrations upgrade a database of every earlier version', (_getStore, suite) => {
  test('an empty database migrates to the latest version with every table', async () => {
    const target = await suite.freshConfig();
    const store = await openStore(target.config, target.schema === undefined ? {} : { schema: target.schema });
    try {
      const tables = await columnsOf(store.db as unknown as Kysely<unknown>, store.kind);
      expect([...tables.keys()]).toEqual(expect.arrayContaining([...TABLES]));
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      expect(applied.rows.map((r) => r.name)).toEqual(NAMES);
    } finally {
      await store.close();
    }
  });

  test.each(NAMES.map((name, i) => [name, i]))('from %s, every stored row survives the upgrade to the latest', async (version, k) => {
    const target = await suite.freshConfig();
    const base = target.schema === undefined ? {} : { schema: target.schema };

    const old = await openStore(target.config, { ...base, migrateUpTo: version });
    const inserted = new Map<string, Record<string, unknown>>();
    try {
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(old.db);
      expect(applied.rows.map((r) => r.name)).toEqual(NAMES.slice(0, k + 1));
      const tables = await columnsOf(old.db as unknown as Kysely<unknown>, old.kind);
      for (const table of TABLES) {
        const columns = tables.get(table);
        if (columns === undefined) continue;
        const row = rowFor(table, columns);
        await anyDb(old).insertInto(table).values(row).execute();
        inserted.set(table, row);
      }
      // Each table appears with the migration that creates it, never earlier.
      expect(inserted.has('sync_rejects')).toBe(k >= NAMES.indexOf('0002-sync'));
      expect(inserted.has('invoice_lines')).toBe(k >= NAMES.indexOf('0004-invoicing'));
      expect(inserted.has('app_role_grants')).toBe(k >= NAMES.indexOf('0009-app-role-grants'));
    } finally {
      await old.close();
    }

    const latest = await openStore(target.config, base);
    try {
      const tables = await columnsOf(latest.db as unknown as Kysely<unknown>, latest.kind);
      for (const [table, row] of inserted) {
        const stored = await anyDb(latest).selectFrom(table).selectAll().execute();
        expect([table, stored.length]).toEqual([table, 1]);
        const expected: Record<string, unknown> = {};
        for (const column of tables.get(table) ?? []) {
          const key = `${table}.${column.name}`;
          if (DERIVED.has(key)) {
            expected[column.name] = stored[0]?.[column.name];
            continue;
          }
          expected[column.name] = column.name in row ? row[column.name] : key in ADDED_DEFAULTS ? ADDED_DEFAULTS[key] : null;
        }
        if (table === 'setup') {
          const data = JSON.parse(String(stored[0]?.['data'])) as unknown;
          if (k < NAMES.indexOf(ROLES_REWRITE)) {
            // Emails stop granting anything: they move to `unmatched`, and the document reads under today's schema.
            expect(data).toEqual({ ...SETUP_DATA, roles: { admins: [OID], invoicers: [], unmatched: [EMAIL] } });
            expect(setupSchema.parse(data).roles.admins).toEqual([OID]);
          } else {
            expect(data).toEqual(SETUP_DATA);
          }
          expected['data'] = stored[0]?.['data'];
        }
        expect([table, stored[0]]).toEqual([table, expected]);
        // The derived columns were computed for the row written before them (a Bookings-priced type: its own currency).
        if (table === 'appointments') expect(stored[0]?.['list_currency']).toBe(row['currency']);
      }
    } finally {
      await latest.close();
    }
  });
});
