import { SANDBOX_COMPANY_ID, generateSandboxData } from '../seed';
import { createBcEmulator, type BcListening } from './index';
import { COMPANY_ID, testSeed } from './test-fixtures';

const TOKEN = 'test-token';
const now = () => new Date('2026-06-15T10:30:00Z');
const clinic = generateSandboxData({ now: now() });
const emulator = createBcEmulator(clinic.bc, { token: TOKEN }, { now });
const bare = createBcEmulator(testSeed(), { token: TOKEN }, { now });
let server: BcListening;
let bareServer: BcListening;
let company: string;

beforeAll(async () => {
  server = await emulator.listen();
  bareServer = await bare.listen();
  company = `${server.apiBaseUrl}/companies(${SANDBOX_COMPANY_ID})`;
});
afterAll(async () => {
  await server.close();
  await bareServer.close();
});

async function get(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  return { status: res.status, body: await res.json() };
}

const values = async (set: string): Promise<Record<string, unknown>[]> => {
  const res = await get(`${company}/${set}`);
  expect(res.status).toBe(200);
  return res.body.value as Record<string, unknown>[];
};
const withoutEtag = ({ '@odata.etag': _etag, ...rest }: Record<string, unknown>) => rest;

describe('Business Central emulator: set-up tables of the seeded clinic', () => {
  it('serves payment terms with their documented properties, in code order', async () => {
    const terms = await values('paymentTerms');
    expect(terms.map((t) => t.code)).toEqual(['14 DAGE', '30 DAGE', '8 DAGE', 'KONTANT', 'LB. MD. 8']);
    expect(Object.keys(withoutEtag(terms[0] ?? {}))).toEqual([
      'id',
      'code',
      'displayName',
      'dueDateCalculation',
      'discountDateCalculation',
      'discountPercent',
      'calculateDiscountOnCreditMemos',
      'lastModifiedDateTime',
    ]);
    expect(terms[0]).toMatchObject({ code: '14 DAGE', displayName: 'Netto 14 dage', dueDateCalculation: '14D', discountPercent: 0 });
  });

  it('serves every table with the properties API v2.0 documents for it', async () => {
    const keys = async (set: string) => Object.keys(withoutEtag((await values(set))[0] ?? {}));
    expect(await keys('paymentMethods')).toEqual(['id', 'code', 'displayName', 'lastModifiedDateTime']);
    expect(await keys('shipmentMethods')).toEqual(['id', 'code', 'displayName', 'lastModifiedDateTime']);
    expect(await keys('itemCategories')).toEqual(['id', 'code', 'displayName', 'lastModifiedDateTime']);
    expect(await keys('taxAreas')).toEqual(['id', 'code', 'displayName', 'taxType', 'lastModifiedDateTime']);
    expect(await keys('taxGroups')).toEqual(['id', 'code', 'displayName', 'taxType', 'lastModifiedDateTime']);
    expect(await keys('unitsOfMeasure')).toEqual(['id', 'code', 'displayName', 'internationalStandardCode', 'symbol', 'lastModifiedDateTime']);
    expect(await keys('generalProductPostingGroups')).toEqual([
      'id',
      'code',
      'description',
      'defaultVATProductPostingGroup',
      'autoInsertDefault',
      'lastModifiedDateTime',
    ]);
    expect(await keys('currencies')).toEqual(['id', 'code', 'displayName', 'symbol', 'amountDecimalPlaces', 'amountRoundingPrecision', 'lastModifiedDateTime']);
  });

  it('lists what customers and items of the seed point at, and not the local currency', async () => {
    const bc = clinic.bc.companies[0];
    const termIds = new Set((await values('paymentTerms')).map((t) => t.id));
    const areaIds = new Set((await values('taxAreas')).map((t) => t.id));
    const groupCodes = new Set((await values('taxGroups')).map((t) => t.code));
    const unitCodes = new Set((await values('unitsOfMeasure')).map((t) => t.code));
    const categoryIds = new Set((await values('itemCategories')).map((t) => t.id));
    const postingGroupIds = new Set((await values('generalProductPostingGroups')).map((t) => t.id));
    const currencies = (await values('currencies')).map((c) => c.code);
    expect(bc?.customers.every((c) => termIds.has(c.paymentTermsId) && areaIds.has(c.taxAreaId))).toBe(true);
    expect(bc?.items.every((i) => groupCodes.has(i.taxGroupCode) && unitCodes.has(i.baseUnitOfMeasureCode))).toBe(true);
    expect(bc?.items.filter((i) => i.type === 'Service').every((i) => categoryIds.has(i.itemCategoryId))).toBe(true);
    expect(bc?.items.every((i) => postingGroupIds.has(i.generalProductPostingGroupId))).toBe(true);
    expect(currencies).toEqual(['EUR', 'GBP', 'NOK', 'SEK', 'USD']);
    expect(currencies).not.toContain(bc?.companyInformation.currencyCode);
  });

  it('gets one record by id, filters by code, and answers 404 for an unknown id', async () => {
    const [first] = await values('unitsOfMeasure');
    const one = await get(`${company}/unitsOfMeasure(${String(first?.id)})`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ code: first?.code, '@odata.context': expect.stringContaining('/unitsOfMeasure/$entity') });
    const filtered = await get(`${company}/taxGroups?$filter=${encodeURIComponent("code eq 'MOMSFRI'")}`);
    expect(filtered.body.value.map((g: { displayName: string }) => g.displayName)).toEqual(['Momsfri sundhedsydelse']);
    const missing = await get(`${company}/paymentTerms(00000000-0000-0000-0000-000000000001)`);
    expect(missing.status).toBe(404);
  });

  it('serves currencies made from the codes of a seed without set-up tables, and empty tables', async () => {
    const base = `${bareServer.apiBaseUrl}/companies(${COMPANY_ID})`;
    const currencies = await get(`${base}/currencies`);
    expect(currencies.body.value.map((c: { code: string; displayName: string }) => [c.code, c.displayName])).toEqual([
      ['EUR', 'Euro'],
      ['USD', 'US Dollar'],
    ]);
    expect((await get(`${base}/paymentTerms`)).body.value).toEqual([]);
  });
});
