import type { Role } from '../../tabs/src/api/contract';
import type { Config } from '../config/config';
import type { Env } from '../config/env-files';
import type { Identity } from '../identity/identity';
import { rolesFor } from '../identity/roles';
import { readTenants } from '../identity/tenants';
import type { Setup } from '../setup/setup-schema';

/**
 * What the CLI may do for `identity`: `rolesFor` with the same home tenant (AAD_TENANT_ID) and
 * first admin (BOOTSTRAP_ADMIN_OID) the tab API and the bot read. The CLI runs as an operator (it
 * holds the database's credentials, so the rule grants every role), but it asks the rule rather
 * than assuming, so a change to the rule reaches the CLI too.
 */
export function cliRoles(identity: Identity, setup: Pick<Setup, 'roles'>, env: Env, config: Pick<Config, 'mode' | 'security'>): Role[] {
  const { bootstrapAdminOid } = config.security;
  return rolesFor(identity, setup, { homeTenantId: readTenants(env, config.mode).home, ...(bootstrapAdminOid ? { bootstrapAdminOid } : {}) });
}
