import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../domain/clock';
import { readJson, toIsoUtc, writeJson } from '../store/columns';
import type { Database } from '../store/database';
import type { UserIdentity } from './identity';

/**
 * Entra app roles travel only in the tab's SSO tokens. Each verified tab token's roles are kept
 * here until the token expires, so the bot and the CLI apply the same roles to the same person;
 * and a tenant where any user ever carried an app role governs by app roles, so its members
 * without one are not taken for the first admin.
 */
export interface AppRoleGrants {
  /** The roles of a verified token of `user`, valid until `expiresAt` (its `exp`); replaces what was recorded. */
  record(user: Pick<UserIdentity, 'tenantId' | 'objectId' | 'appRoles'>, expiresAt: Date): Promise<void>;
  /** The roles of the user's last recorded token while it has not expired by the clock; else none. */
  rolesOf(tenantId: string, objectId: string): Promise<string[]>;
  /** Whether any user of the tenant was ever recorded with an app role, expired or not. */
  inUse(tenantId: string): Promise<boolean>;
}

const rolesSchema = z.array(z.string());
const NONE = writeJson([]);

export class AppRoleGrantStore implements AppRoleGrants {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async record(user: Pick<UserIdentity, 'tenantId' | 'objectId' | 'appRoles'>, expiresAt: Date): Promise<void> {
    const row = {
      tenant_id: user.tenantId.toLowerCase(),
      object_id: user.objectId.toLowerCase(),
      roles: writeJson([...user.appRoles]),
      expires_at: toIsoUtc(expiresAt),
      seen_at: toIsoUtc(this.clock()),
    };
    await this.db
      .insertInto('app_role_grants')
      .values(row)
      .onConflict((oc) => oc.columns(['tenant_id', 'object_id']).doUpdateSet({ roles: row.roles, expires_at: row.expires_at, seen_at: row.seen_at }))
      .execute();
  }

  async rolesOf(tenantId: string, objectId: string): Promise<string[]> {
    const row = await this.db
      .selectFrom('app_role_grants')
      .select('roles')
      .where('tenant_id', '=', tenantId.toLowerCase())
      .where('object_id', '=', objectId.toLowerCase())
      .where('expires_at', '>', toIsoUtc(this.clock()))
      .executeTakeFirst();
    return row === undefined ? [] : readJson(rolesSchema, row.roles, 'app_role_grants.roles');
  }

  async inUse(tenantId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('app_role_grants')
      .select('object_id')
      .where('tenant_id', '=', tenantId.toLowerCase())
      .where('roles', '<>', NONE)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}

/** RolePolicy.appRolesInUse: only the home tenant has a first run, so only its app roles matter. */
export async function appRolesInUse(grants: Pick<AppRoleGrants, 'inUse'>, homeTenantId: string | undefined): Promise<boolean> {
  return homeTenantId === undefined ? false : grants.inUse(homeTenantId);
}
