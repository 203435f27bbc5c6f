import fc from 'fast-check';
import { botRoles } from '../bot/actions/bot-roles';
import { cliRoles } from '../service/cli/cli-roles';
import type { UserIdentity } from '../service/identity/identity';
import { defaultSetup, type Setup } from '../service/setup/setup-schema';
import { createAuthenticator } from './api/auth/create-authenticator';

/*
 * Issue 10 point 2: the tab API, the bot and the CLI derive the same roles for the same person and
 * setup, each through its own face (the tab from a verified token, the bot from an activity's
 * user and tenant, the CLI from its configuration). The bot sees no Entra app roles (they travel
 * only in the tab's tokens; README, Security), so the generated people carry none here.
 */

const HOME = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PARTNER = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const OIDS = ['6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', '7a2d1c2f-5b60-4b54-8b8f-3e4d2c1f0a22', '8b3e2d30-6c71-4c65-9c90-4f5e3d2a1b33'];
const env = { AAD_TENANT_ID: HOME, ALLOWED_TENANT_IDS: PARTNER };

const person = fc.record({ tenantId: fc.constantFrom(HOME, PARTNER), objectId: fc.constantFrom(...OIDS), guest: fc.boolean() });
/** A setup list entry: a bare object id (home tenant) or tenant/object id, in any letter case. */
const entry = fc.tuple(fc.constantFrom('', `${HOME}/`, `${PARTNER}/`), fc.constantFrom(...OIDS), fc.boolean()).map(([prefix, oid, upper]) => (upper ? `${prefix}${oid}`.toUpperCase() : `${prefix}${oid}`));
const roleLists = fc.record({
  admins: fc.array(entry, { maxLength: 2 }),
  invoicers: fc.array(entry, { maxLength: 2 }),
  unmatched: fc.array(fc.constant('anna@contoso.com'), { maxLength: 1 }),
});

test('property: the tab API, the bot and the CLI give the same roles for the same person and setup', async () => {
  await fc.assert(
    fc.asyncProperty(person, roleLists, fc.option(fc.constantFrom(...OIDS), { nil: undefined }), async (who, roles, bootstrapAdminOid) => {
      const setup: Setup = { ...defaultSetup('clinic@contoso.onmicrosoft.com'), roles };
      const user: UserIdentity = { kind: 'user', ...who, name: 'Someone', appRoles: [] };

      const tab = createAuthenticator({
        mode: 'live',
        currentSetup: async () => setup,
        env,
        verifier: { verify: async () => ({ user }) },
        ...(bootstrapAdminOid ? { bootstrapAdminOid } : {}),
      });
      const fromTab = (await tab.authenticate({ authorization: 'Bearer checked-by-the-fake-verifier' })).roles;

      const botPolicy = { homeTenantId: HOME, sandboxAnyTenant: false, ...(bootstrapAdminOid ? { bootstrapAdminOid } : {}) };
      const fromBot = await botRoles(
        { currentSetup: async () => setup, roles: botPolicy },
        { id: `29:${who.objectId}`, name: 'Someone', aadObjectId: who.objectId.toUpperCase() },
        { tenantId: who.tenantId.toUpperCase() },
        async () => who.guest,
      );

      const fromCli = cliRoles(user, setup, env, { mode: 'live', security: { entraAuthorityHost: 'https://login.microsoftonline.com', botOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration', bootstrapAdminOid } });

      expect(fromBot).toEqual(fromTab);
      expect(fromCli).toEqual(fromTab);
    }),
    { seed: 10, numRuns: 300 },
  );
});
