import type { Role } from '../../../tabs/src/api/contract';
import type { Setup } from '../../../service/setup/setup-schema';
import type { Principal } from './identity';

/**
 * What a signed-in caller may do: everyone reads; admins (and invoicers) come from the setup's
 * lists, matched on the Entra object id or the sign-in email, or from Entra app roles in the token.
 * An admin may also invoice, so naming admins alone does not lock invoicing away.
 */
export function rolesFor(principal: Principal, roles: Setup['roles']): Role[] {
  const appRoles = new Set(principal.appRoles.map((r) => r.toLowerCase()));
  // First run: with both lists empty and no Entra app roles assigned, nobody could open the setup to
  // fill the lists, so everyone signed in is admin and invoicer until someone saves a list. A tenant
  // that assigns app roles is governed by them from the start.
  if (roles.admins.length === 0 && roles.invoicers.length === 0 && appRoles.size === 0) return ['admin', 'invoicer', 'reader'];
  const names = new Set([principal.id, principal.email ?? ''].map((v) => v.trim().toLowerCase()).filter((v) => v !== ''));
  const admin = roles.admins.some((v) => names.has(v)) || appRoles.has('admin');
  const invoicer = admin || roles.invoicers.some((v) => names.has(v)) || appRoles.has('invoicer');
  return [...(admin ? (['admin'] as const) : []), ...(invoicer ? (['invoicer'] as const) : []), 'reader'];
}
