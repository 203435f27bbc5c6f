import { createBcEmulator, type BcListening } from '../../sandbox/bc';
import { generateSandboxData, SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { BusinessCentralClient, StaticTokenProvider } from '../clients';
import type { Clock } from '../domain/clock';
import { SETUP_TABLES_TTL_MS, SetupTablesCache } from './setup-tables-cache';

const TOKEN = 'setup-tables-token';
const NOW = new Date('2026-03-16T12:00:00.000Z');
const emulator = createBcEmulator(generateSandboxData({ now: NOW }).bc, { token: TOKEN }, { now: () => NOW });
let server: BcListening;
let client: BusinessCentralClient;

beforeAll(async () => {
  server = await emulator.listen();
  client = new BusinessCentralClient({ apiBaseUrl: server.apiBaseUrl, tokenProvider: new StaticTokenProvider(TOKEN) });
});
afterAll(() => server.close());

function cacheAt() {
  let nowMs = NOW.getTime();
  const clock: Clock = () => new Date(nowMs);
  const reads: string[] = [];
  const cache = new SetupTablesCache({
    clock,
    forCompany: (companyId) => {
      const scoped = client.forCompany(companyId);
      return {
        listSetupTable: (table) => {
          reads.push(table);
          return scoped.listSetupTable(table);
        },
        getCompanyInformation: () => scoped.getCompanyInformation(),
        listItems: () => scoped.listItems(),
      };
    },
  });
  return { cache, reads, advance: (ms: number) => (nowMs += ms) };
}

describe('SetupTablesCache against the Business Central emulator', () => {
  it("reads the clinic's tables through the client, each sorted by code in Danish order, with the local currency", async () => {
    const { cache } = cacheAt();
    const tables = await cache.get(SANDBOX_COMPANY_ID);
    expect(tables.localCurrency).toBe('DKK');
    expect(tables.tables.paymentTerms.map((t) => `${t.code}: ${t.displayName}`)).toEqual([
      '8 DAGE: Netto 8 dage',
      '14 DAGE: Netto 14 dage',
      '30 DAGE: Netto 30 dage',
      'KONTANT: Kontant betaling',
      'LB. MD. 8: Løbende måned + 8 dage',
    ]);
    expect(tables.tables.itemCategories.map((c) => c.code)).toEqual(['BEHANDLING', 'PRODUKTER', 'TRÆNING']);
    expect(tables.tables.unitsOfMeasure.map((u) => u.code)).toEqual(['DAG', 'STK', 'TIME']);
    expect(tables.tables.currencies.map((c) => c.code)).toEqual(['EUR', 'GBP', 'NOK', 'SEK', 'USD']);
    // The fee pickers' items: of type Service only, by number.
    const { items } = await client.forCompany(SANDBOX_COMPANY_ID).listItems();
    const services = items.filter((i) => i.type === 'Service' && !i.blocked);
    expect(services.length).toBeGreaterThan(0);
    expect(services.length).toBeLessThan(items.length);
    expect(new Set(tables.serviceItems.map((i) => i.id))).toEqual(new Set(services.map((i) => i.id)));
    expect(tables.serviceItems.find((e) => e.id === services[0]!.id)).toEqual({
      id: services[0]!.id,
      code: services[0]!.number,
      displayName: services[0]!.displayName,
    });
    for (const table of Object.values(tables.tables)) {
      expect(table.length).toBeGreaterThan(0);
      for (const entry of table) expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('reads each company once while fresh, again after the time to live, and not at all for a failed read kept', async () => {
    const { cache, reads, advance } = cacheAt();
    await Promise.all([cache.get(SANDBOX_COMPANY_ID), cache.get(SANDBOX_COMPANY_ID.toUpperCase())]);
    expect(reads.filter((t) => t === 'paymentTerms')).toHaveLength(1);
    advance(SETUP_TABLES_TTL_MS - 1);
    await cache.get(SANDBOX_COMPANY_ID);
    expect(reads.filter((t) => t === 'paymentTerms')).toHaveLength(1);
    advance(1);
    await cache.get(SANDBOX_COMPANY_ID);
    expect(reads.filter((t) => t === 'paymentTerms')).toHaveLength(2);

    const unknown = '00000000-0000-0000-0000-00000000abcd';
    await expect(cache.get(unknown)).rejects.toThrow();
    const before = reads.length;
    await expect(cache.get(unknown)).rejects.toThrow();
    expect(reads.length).toBeGreaterThan(before);
  });
});
