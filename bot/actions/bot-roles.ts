import { appRolesInUse } from '../../service/identity/app-role-grants';
import { isFirstRun, rolesFor, type RolePolicy } from '../../service/identity/roles';
import type { Role } from '../../contract/api-contract';
import type { BotUser, ConversationInfo, GuestLookup } from './bot-request';
import type { BotServices } from './bot-services';

/**
 * How the bot applies the one role rule (service/identity/roles.ts). The activity names the user's
 * tenant and object id; Entra app roles travel only in the tab's tokens, so the bot takes the ones
 * the tab recorded from the user's last token while it is unexpired (AppRoleGrants). A sandbox
 * without AAD_TENANT_ID takes the conversation's own tenant as home (the playground's made-up one).
 */
export interface BotRolePolicy extends Omit<RolePolicy, 'appRolesInUse'> {
  sandboxAnyTenant: boolean;
}

export async function botRoles(
  services: Pick<BotServices, 'currentSetup' | 'roles' | 'roleGrants'>,
  user: BotUser,
  conversation: Pick<ConversationInfo, 'tenantId'>,
  guest: GuestLookup,
): Promise<Role[]> {
  if (user.aadObjectId === null) return ['reader'];
  const tenantId = conversation.tenantId.toLowerCase();
  const objectId = user.aadObjectId.toLowerCase();
  const { sandboxAnyTenant, ...policy } = services.roles;
  const homeTenantId = policy.homeTenantId ?? (sandboxAnyTenant ? tenantId : undefined);
  const grants = services.roleGrants;
  const [setup, appRoles, inUse] = await Promise.all([services.currentSetup(), grants.rolesOf(tenantId, objectId), appRolesInUse(grants, homeTenantId)]);
  // Only the first-run rule asks whether the user is a guest, and asking costs a call to Teams.
  const isGuest = isFirstRun(setup, appRoles, inUse) ? await guest() : false;
  const identity = { kind: 'user' as const, tenantId, objectId, name: user.name, appRoles, guest: isGuest };
  return rolesFor(identity, setup, { ...policy, homeTenantId, appRolesInUse: inUse });
}

export async function mayInvoice(
  services: Pick<BotServices, 'currentSetup' | 'roles' | 'roleGrants'>,
  request: { user: BotUser; conversation: Pick<ConversationInfo, 'tenantId'> },
  guest: GuestLookup,
): Promise<boolean> {
  return (await botRoles(services, request.user, request.conversation, guest)).includes('invoicer');
}

/** How runs and syncs started from chat record who asked: tenant/object id, as the tab does for partners. */
export function actorOf(request: { user: BotUser; conversation: Pick<ConversationInfo, 'tenantId'> }): string {
  const { user, conversation } = request;
  return user.aadObjectId === null ? user.id : `${conversation.tenantId}/${user.aadObjectId}`.toLowerCase();
}

/** actorOf, with the person's Teams name remembered for the History: call it when they act. */
export async function actingActor(
  services: Pick<BotServices, 'people'>,
  request: { user: BotUser; conversation: Pick<ConversationInfo, 'tenantId'> },
): Promise<string> {
  const actor = actorOf(request);
  await services.people.remember(actor, request.user.name);
  return actor;
}
