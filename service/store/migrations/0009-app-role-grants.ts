import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

/**
 * The Entra app roles each user's last verified tab token carried, until that token expires: app
 * roles travel only in the tab's SSO tokens, so the bot and the CLI read them here. That a tenant
 * has any row at all also tells the first-run rule that the tenant governs by app roles.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('app_role_grants')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_role_grants_pk', ['tenant_id', 'object_id'])
    .execute();
}

async function down(db: Db): Promise<void> {
  await db.schema.dropTable('app_role_grants').execute();
}

export const appRoleGrants: Migration = { up, down };
