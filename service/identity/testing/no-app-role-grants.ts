import type { AppRoleGrants } from '../app-role-grants';

/** For tests of token handling that are not about app roles: records nothing, so only the token's own roles count. */
export const noAppRoleGrants: AppRoleGrants = {
  record: async () => undefined,
  rolesOf: async () => [],
  inUse: async () => false,
};
