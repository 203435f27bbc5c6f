import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

const GUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface RoleLists {
  admins?: unknown;
  invoicers?: unknown;
  unmatched?: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.trim().toLowerCase()) : []);

/** The setup's role lists keep object ids only; the emails move to `unmatched`, which grants nothing. */
export function splitRoleLists(roles: RoleLists): { admins: string[]; invoicers: string[]; unmatched: string[] } {
  const admins = strings(roles.admins);
  const invoicers = strings(roles.invoicers);
  const unmatched = [...admins, ...invoicers].filter((v) => !GUID.test(v));
  return {
    admins: admins.filter((v) => GUID.test(v)),
    invoicers: invoicers.filter((v) => GUID.test(v)),
    unmatched: [...new Set([...strings(roles.unmatched), ...unmatched])],
  };
}

/**
 * Users are matched on tenant + object id, never on an email claim (a partner tenant can put any
 * address in its tokens). Emails in the stored role lists stop granting anything; they are kept in
 * `roles.unmatched` so the Setup page can show what to replace, and so that lists holding only
 * emails do not fall back to the first-run rule (which would make the whole home tenant admin).
 */
async function up(db: Db): Promise<void> {
  const setup = db as unknown as Kysely<{ setup: { id: string; data: string } }>;
  const rows = await setup.selectFrom('setup').select(['id', 'data']).execute();
  for (const row of rows) {
    const doc = JSON.parse(row.data) as { roles?: RoleLists };
    if (doc.roles === undefined) continue;
    const roles = splitRoleLists(doc.roles);
    await setup
      .updateTable('setup')
      .set({ data: JSON.stringify({ ...doc, roles }) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Back to lists that may hold emails: the unmatched entries return to the admins list, as they most likely came from there. */
async function down(db: Db): Promise<void> {
  const setup = db as unknown as Kysely<{ setup: { id: string; data: string } }>;
  const rows = await setup.selectFrom('setup').select(['id', 'data']).execute();
  for (const row of rows) {
    const doc = JSON.parse(row.data) as { roles?: RoleLists };
    if (doc.roles === undefined) continue;
    const { unmatched, ...rest } = splitRoleLists(doc.roles);
    const roles = { ...rest, admins: [...rest.admins, ...unmatched] };
    await setup
      .updateTable('setup')
      .set({ data: JSON.stringify({ ...doc, roles }) })
      .where('id', '=', row.id)
      .execute();
  }
}

export const rolesByObjectId: Migration = { up, down };
