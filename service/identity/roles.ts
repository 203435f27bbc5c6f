import type { Role } from '../../contract/api-contract';
import type { Setup } from '../setup/setup-schema';
import type { Identity } from './identity';

/** What decides the first admin besides the setup: the home tenant, and an optional named first admin. */
export interface RolePolicy {
  homeTenantId: string | undefined;
  /** BOOTSTRAP_ADMIN_OID: the one home-tenant user who is admin while the setup names no one. */
  bootstrapAdminOid?: string;
  /** The home tenant has assigned app roles to someone (AppRoleGrants.inUse): it governs by them, so there is no first run. */
  appRolesInUse: boolean;
}

const ALL: Role[] = ['admin', 'invoicer', 'reader'];

/**
 * The setup names no one, the home tenant assigns no app roles and neither does the caller: the
 * first admin is still to be decided. Without the tenant-wide check, a member without an app role
 * in a tenant that governs by app roles would take the first run for themselves.
 */
export function isFirstRun(setup: Pick<Setup, 'roles'>, appRoles: readonly string[], appRolesInUse: boolean): boolean {
  const { admins, invoicers, unmatched } = setup.roles;
  return admins.length === 0 && invoicers.length === 0 && unmatched.length === 0 && !appRolesInUse && appRoles.length === 0;
}

/** A setup entry is `<oid>` (a user of the home tenant) or `<tid>/<oid>` (of another allowed tenant). */
function entryMatches(entry: string, tenantId: string, objectId: string, home: string | undefined): boolean {
  const [first, second] = entry.trim().toLowerCase().split('/');
  if (second === undefined) return home !== undefined && tenantId === home && first === objectId;
  return first === tenantId && second === objectId;
}

/**
 * The one role rule, for the tab API, the bot and the CLI. Everyone signed in (from an allowed
 * tenant: checked before this) reads. Admin and invoicer come from Entra app roles assigned in the
 * home tenant and from the setup's lists matched on tenant + object id; an admin may also invoice.
 * App roles are assigned per tenant, so a partner tenant's admin could hand its own users ours: a
 * partner tenant's user holds a role only by a `<tenant id>/<object id>` entry of the setup. While
 * the setup names no one and the home tenant assigns no app roles (the first run), the first admin is
 * BOOTSTRAP_ADMIN_OID when configured, else any member (not guest) of the home tenant: never a
 * partner tenant's user.
 */
export function rolesFor(identity: Identity, setup: Pick<Setup, 'roles'>, policy: RolePolicy): Role[] {
  if (identity.kind === 'operator') return [...ALL];
  const tenantId = identity.tenantId.toLowerCase();
  const objectId = identity.objectId.toLowerCase();
  const home = policy.homeTenantId?.toLowerCase();
  const homeAppRoles = home === undefined || tenantId === home ? identity.appRoles : [];
  const appRoles = new Set(homeAppRoles.map((r) => r.toLowerCase()));
  const { admins, invoicers } = setup.roles;
  if (isFirstRun(setup, homeAppRoles, policy.appRolesInUse)) {
    const homeMember = home !== undefined && tenantId === home && !identity.guest;
    const named = policy.bootstrapAdminOid?.toLowerCase();
    const first = named === undefined ? homeMember : homeMember && objectId === named;
    return first ? [...ALL] : ['reader'];
  }
  const listed = (list: readonly string[]) => list.some((entry) => entryMatches(entry, tenantId, objectId, home));
  const admin = appRoles.has('admin') || listed(admins);
  const invoicer = admin || appRoles.has('invoicer') || listed(invoicers);
  return [...(admin ? (['admin'] as const) : []), ...(invoicer ? (['invoicer'] as const) : []), 'reader'];
}
