import fc from 'fast-check';
import { rolesFor, type RolePolicy } from './roles';
import type { UserIdentity } from './identity';

const HOME = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PARTNER = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const ANNA = '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11';
const BO = '7a2d1c2f-5b60-4b54-8b8f-3e4d2c1f0a22';
const policy: RolePolicy = { homeTenantId: HOME, appRolesInUse: false };
const user = (extra: Partial<UserIdentity> = {}): UserIdentity => ({
  kind: 'user',
  tenantId: HOME,
  objectId: ANNA,
  name: 'Anna',
  appRoles: [],
  guest: false,
  ...extra,
});
const lists = (admins: string[] = [], invoicers: string[] = [], unmatched: string[] = []) => ({ roles: { admins, invoicers, unmatched } });
const ALL = ['admin', 'invoicer', 'reader'];

describe('the first run (no one named, no app roles)', () => {
  test.each([
    ['a member of the home tenant', user(), policy, ALL],
    ['a guest of the home tenant', user({ guest: true }), policy, ['reader']],
    ['a user of a partner tenant', user({ tenantId: PARTNER }), policy, ['reader']],
    ['anyone while no home tenant is configured', user(), { homeTenantId: undefined, appRolesInUse: false }, ['reader']],
    ['BOOTSTRAP_ADMIN_OID itself', user(), { ...policy, bootstrapAdminOid: ANNA.toUpperCase() }, ALL],
    ['another home member when BOOTSTRAP_ADMIN_OID names someone else', user(), { ...policy, bootstrapAdminOid: BO }, ['reader']],
    ['BOOTSTRAP_ADMIN_OID from a partner tenant', user({ tenantId: PARTNER }), { ...policy, bootstrapAdminOid: ANNA }, ['reader']],
  ])('%s', (_name, identity, p, expected) => {
    expect(rolesFor(identity, lists(), p)).toEqual(expected);
  });

  test('a home member without an app role, where the home tenant governs by app roles, is a reader', () => {
    expect(rolesFor(user(), lists(), { ...policy, appRolesInUse: true })).toEqual(['reader']);
    expect(rolesFor(user(), lists(), { ...policy, bootstrapAdminOid: ANNA, appRolesInUse: true })).toEqual(['reader']);
  });

  test('where app roles are in use, an app role still grants its role and the setup lists still count', () => {
    const inUse = { ...policy, appRolesInUse: true };
    expect(rolesFor(user({ appRoles: ['Invoicer'] }), lists(), inUse)).toEqual(['invoicer', 'reader']);
    expect(rolesFor(user({ appRoles: ['Admin'] }), lists(), inUse)).toEqual(ALL);
    expect(rolesFor(user(), lists([ANNA]), inUse)).toEqual(ALL);
  });

  test('emails left from before (unmatched) close the first run, granting nothing', () => {
    expect(rolesFor(user(), lists([], [], ['anna@contoso.com']), policy)).toEqual(['reader']);
  });
});

describe('named in the setup: tenant + object id, never an email', () => {
  test.each([
    ['a bare object id names a home-tenant user', user(), lists([ANNA]), ALL],
    ['the same object id in a partner tenant is someone else', user({ tenantId: PARTNER }), lists([ANNA]), ['reader']],
    ['tenant/object id names a partner user', user({ tenantId: PARTNER }), lists([], [`${PARTNER}/${ANNA}`]), ['invoicer', 'reader']],
    ['an invoicer', user(), lists([BO], [ANNA]), ['invoicer', 'reader']],
    ['not listed', user(), lists([BO], [BO]), ['reader']],
    ['Entra app role Invoicer', user({ appRoles: ['Invoicer'] }), lists([BO]), ['invoicer', 'reader']],
    ['Entra app role Reader governs from the first run', user({ appRoles: ['Reader'] }), lists(), ['reader']],
    ['Entra app role Admin', user({ appRoles: ['Admin'] }), lists(), ALL],
    // App roles are assigned per tenant: a partner tenant's admin could hand its own users ours.
    ['Entra app role Admin from a partner tenant grants nothing', user({ tenantId: PARTNER, appRoles: ['Admin'] }), lists([BO]), ['reader']],
    ['Entra app role Invoicer from a partner tenant grants nothing', user({ tenantId: PARTNER, appRoles: ['Invoicer'] }), lists([BO]), ['reader']],
    [
      'a partner user with an app role still holds what the setup names',
      user({ tenantId: PARTNER, appRoles: ['Admin'] }),
      lists([], [`${PARTNER}/${ANNA}`]),
      ['invoicer', 'reader'],
    ],
  ])('%s', (_name, identity, setup, expected) => {
    expect(rolesFor(identity, setup, policy)).toEqual(expected);
  });
});

test('the operator (CLI, sandbox loopback) holds every role: they hold the database already', () => {
  expect(rolesFor({ kind: 'operator', name: 'cli:ops' }, lists([BO]), policy)).toEqual(ALL);
});

test('property: every user reads; admin implies invoicer; a partner-tenant user is never the first admin', () => {
  const guid = fc.uuid();
  fc.assert(
    fc.property(
      guid,
      fc.boolean(),
      fc.boolean(),
      fc.subarray(['Admin', 'Invoicer', 'Reader']),
      fc.array(guid, { maxLength: 3 }),
      fc.array(guid, { maxLength: 3 }),
      fc.boolean(),
      (oid, partner, guest, appRoles, admins, invoicers, appRolesInUse) => {
        const identity = user({ objectId: oid, tenantId: partner ? PARTNER : HOME, guest, appRoles });
        const roles = rolesFor(identity, lists(admins, invoicers), { ...policy, appRolesInUse });
        expect(roles).toContain('reader');
        if (roles.includes('admin')) expect(roles).toContain('invoicer');
        // Only the home tenant's app roles count: a partner tenant assigns its own.
        const namedOrAppRole = !partner && (appRoles.includes('Admin') || admins.includes(oid));
        if (partner || guest || appRolesInUse) expect(roles.includes('admin')).toBe(namedOrAppRole);
      },
    ),
    { seed: 42 },
  );
});
