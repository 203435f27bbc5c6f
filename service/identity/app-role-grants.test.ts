import { fixedClock } from '../domain/clock';
import { describeEachStore } from '../store/testing/test-stores';
import { AppRoleGrantStore } from './app-role-grants';

const NOW = new Date('2026-11-02T08:15:00.000Z');
const HOUR = 3_600_000;
const HOME = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PARTNER = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const ANNA = '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11';
const BO = '7a2d1c2f-5b60-4b54-8b8f-3e4d2c1f0a22';
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

describeEachStore('app role grants', (getStore) => {
  const grants = () => new AppRoleGrantStore(getStore().db, fixedClock(NOW));
  beforeEach(() => getStore().db.deleteFrom('app_role_grants').execute());

  test("a user's roles hold until their token's exp, matched on tenant and object id in any case", async () => {
    await grants().record({ tenantId: HOME.toUpperCase(), objectId: ANNA.toUpperCase(), appRoles: ['Invoicer'] }, at(HOUR));
    expect(await grants().rolesOf(HOME, ANNA)).toEqual(['Invoicer']);
    expect(await grants().rolesOf(PARTNER, ANNA)).toEqual([]);
    expect(await new AppRoleGrantStore(getStore().db, fixedClock(at(HOUR))).rolesOf(HOME, ANNA)).toEqual([]);
  });

  test('a newer token replaces the roles, also with none', async () => {
    await grants().record({ tenantId: HOME, objectId: ANNA, appRoles: ['Admin'] }, at(HOUR));
    await grants().record({ tenantId: HOME, objectId: ANNA, appRoles: [] }, at(2 * HOUR));
    expect(await grants().rolesOf(HOME, ANNA)).toEqual([]);
  });

  test('app roles are in use in a tenant once anyone there carried one, even after the token expired', async () => {
    await grants().record({ tenantId: HOME, objectId: BO, appRoles: [] }, at(HOUR));
    expect(await grants().inUse(HOME)).toBe(false);
    await grants().record({ tenantId: HOME, objectId: ANNA, appRoles: ['Reader'] }, at(-HOUR));
    expect(await grants().inUse(HOME)).toBe(true);
    expect(await grants().inUse(PARTNER)).toBe(false);
  });
});
