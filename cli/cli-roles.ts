import type { Role } from '../contract/api-contract';
import type { Config } from '../service/config/config';
import type { Env } from '../service/config/env-files';
import { appRolesInUse, type AppRoleGrants } from '../service/identity/app-role-grants';
import type { Identity } from '../service/identity/identity';
import { rolesFor } from '../service/identity/roles';
import { readTenants } from '../service/identity/tenants';
import type { Setup } from '../service/setup/setup-schema';

/**
 * What the CLI may do for `identity`: `rolesFor` with the same home tenant (AAD_TENANT_ID), first
 * admin (BOOTSTRAP_ADMIN_OID) and app roles in use (recorded from the tab's tokens) the tab API and
 * the bot read. The CLI runs as an operator (it holds the database's credentials, so the rule
 * grants every role), but it asks the rule rather than assuming, so a change to the rule reaches the CLI too.
 */
export async function cliRoles(
  identity: Identity,
  setup: Pick<Setup, 'roles'>,
  env: Env,
  config: Pick<Config, 'mode' | 'security'>,
  grants: Pick<AppRoleGrants, 'inUse'>,
): Promise<Role[]> {
  const { bootstrapAdminOid } = config.security;
  const homeTenantId = readTenants(env, config.mode).home;
  const inUse = await appRolesInUse(grants, homeTenantId);
  return rolesFor(identity, setup, { homeTenantId, appRolesInUse: inUse, ...(bootstrapAdminOid ? { bootstrapAdminOid } : {}) });
}
