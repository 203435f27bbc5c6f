import { setupSchema } from '../../setup/setup-schema';
import { describeEachStore } from '../testing/test-stores';
import { rolesByObjectId, splitRoleLists } from './0007-roles-by-object-id';

const OID = '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11';
const PARTNER = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6/7a2d1c2f-5b60-4b54-8b8f-3e4d2c1f0a22';

test('object ids stay where they were; emails move to unmatched, which grants nothing', () => {
  expect(splitRoleLists({ admins: ['Anna@Contoso.com', OID.toUpperCase()], invoicers: ['bo@contoso.com', PARTNER] })).toEqual({
    admins: [OID],
    invoicers: [PARTNER],
    unmatched: ['anna@contoso.com', 'bo@contoso.com'],
  });
});

describeEachStore('migration 0007 on a stored setup', (getStore) => {
  it('rewrites a setup with emails into one the new schema reads, and back down', async () => {
    const db = getStore().db;
    const data = { businessId: 'clinic@contoso.onmicrosoft.com', roles: { admins: ['anna@contoso.com', OID], invoicers: [] } };
    const at = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('setup')
      .values({ id: 'm7', business_id: data.businessId, company_id: null, data: JSON.stringify(data), version: 1, updated_at: at, updated_by: null })
      .execute();
    const read = async () => JSON.parse((await db.selectFrom('setup').select('data').where('id', '=', 'm7').executeTakeFirstOrThrow()).data) as unknown;
    expect(setupSchema.safeParse(await read()).success).toBe(false);
    await rolesByObjectId.up(db);
    expect(setupSchema.parse(await read()).roles).toEqual({ admins: [OID], invoicers: [], unmatched: ['anna@contoso.com'] });
    await rolesByObjectId.down!(db);
    expect(await read()).toMatchObject({ roles: { admins: [OID, 'anna@contoso.com'], invoicers: [] } });
  });
});
