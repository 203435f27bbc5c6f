import fc from 'fast-check';
import { botRoles } from '../bot/actions/bot-roles';
import { cliRoles } from '../cli/cli-roles';
import { fixedClock } from '../service/domain/clock';
import { AppRoleGrantStore } from '../service/identity/app-role-grants';
import type { UserIdentity } from '../service/identity/identity';
import { defaultSetup, type Setup } from '../service/setup/setup-schema';
import { openStore, type AppStore } from '../service/store/open-store';
import { createAuthenticator } from './api/auth/create-authenticator';

/*
 * Issue 10 point 2: the tab API, the bot and the CLI derive the same roles for the same person and
 * setup, each through its own face (the tab from a verified token, the bot from an activity's
 * user and tenant, the CLI from its configuration). Entra app roles travel only in the tab's
 * tokens: the tab records them (AppRoleGrants) and the bot reads them back while the token is
 * unexpired. Other people of either tenant may have app roles recorded before, some expired: any in
 * the home tenant means it governs by app roles, so there is no first run for anyone.
 */

const NOW = new Date('2026-11-02T08:15:00.000Z');
const clock = fixedClock(NOW);
const HOUR = 3_600_000;

const HOME = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PARTNER = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const OIDS = ['6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', '7a2d1c2f-5b60-4b54-8b8f-3e4d2c1f0a22', '8b3e2d30-6c71-4c65-9c90-4f5e3d2a1b33'];
const env = { AAD_TENANT_ID: HOME, ALLOWED_TENANT_IDS: PARTNER };

const appRoles = fc.subarray(['Admin', 'Invoicer', 'Reader']);
const person = fc.record({ tenantId: fc.constantFrom(HOME, PARTNER), objectId: fc.constantFrom(...OIDS), guest: fc.boolean(), appRoles });
/** Someone whose tab token was recorded earlier: maybe expired by now, maybe with no app role. */
const recorded = fc.record({ tenantId: fc.constantFrom(HOME, PARTNER), objectId: fc.constantFrom(...OIDS), appRoles, expired: fc.boolean() });
/** A setup list entry: a bare object id (home tenant) or tenant/object id, in any letter case. */
const entry = fc
  .tuple(fc.constantFrom('', `${HOME}/`, `${PARTNER}/`), fc.constantFrom(...OIDS), fc.boolean())
  .map(([prefix, oid, upper]) => (upper ? `${prefix}${oid}`.toUpperCase() : `${prefix}${oid}`));
const roleLists = fc.record({
  admins: fc.array(entry, { maxLength: 2 }),
  invoicers: fc.array(entry, { maxLength: 2 }),
  unmatched: fc.array(fc.constant('anna@contoso.com'), { maxLength: 1 }),
});

let store: AppStore;
beforeAll(async () => {
  store = await openStore({ kind: 'sqlite', file: ':memory:' });
});
afterAll(() => store.close());

test('property: the tab API, the bot and the CLI give the same roles for the same person, setup and recorded app roles', async () => {
  await fc.assert(
    fc.asyncProperty(
      person,
      fc.array(recorded, { maxLength: 3 }),
      roleLists,
      fc.option(fc.constantFrom(...OIDS), { nil: undefined }),
      async (who, earlier, roles, bootstrapAdminOid) => {
        const setup: Setup = { ...defaultSetup('clinic@contoso.onmicrosoft.com'), roles };
        const user: UserIdentity = { kind: 'user', ...who, name: 'Someone' };
        const { db } = store;
        const grants = new AppRoleGrantStore(db, clock);
        await db.deleteFrom('app_role_grants').execute();
        for (const r of earlier) await grants.record(r, new Date(NOW.getTime() + (r.expired ? -HOUR : HOUR)));

        const tab = createAuthenticator({
          mode: 'live',
          currentSetup: async () => setup,
          appRoleGrants: grants,
          env,
          verifier: { verify: async () => ({ user, expiresAt: new Date(NOW.getTime() + HOUR) }) },
          ...(bootstrapAdminOid ? { bootstrapAdminOid } : {}),
        });
        const fromTab = (await tab.authenticate({ authorization: 'Bearer checked-by-the-fake-verifier' })).roles;

        const botPolicy = { homeTenantId: HOME, sandboxAnyTenant: false, ...(bootstrapAdminOid ? { bootstrapAdminOid } : {}) };
        const fromBot = await botRoles(
          { currentSetup: async () => setup, roles: botPolicy, roleGrants: grants },
          { id: `29:${who.objectId}`, name: 'Someone', aadObjectId: who.objectId.toUpperCase() },
          { tenantId: who.tenantId.toUpperCase() },
          async () => who.guest,
        );

        const security = {
          entraAuthorityHost: 'https://login.microsoftonline.com',
          botOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
          bootstrapAdminOid,
        };
        const fromCli = await cliRoles(user, setup, env, { mode: 'live', security }, grants);

        expect(fromBot).toEqual(fromTab);
        expect(fromCli).toEqual(fromTab);
      },
    ),
    { seed: 10, numRuns: 300 },
  );
});
