import { createBcEmulator, type BcListening } from '../../sandbox/bc';
import { createGraphEmulator, type ListeningGraphEmulator } from '../../sandbox/graph';
import { generateSandboxData, SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { StaticTokenProvider } from '../clients/auth/static-token-provider';
import { BusinessCentralClient } from '../clients/business-central/business-central-client';
import { BookingsClient } from '../clients/graph/bookings-client';
import { checkConnections, TEMPLATE_NOTE, type ConnectionClients } from './check-connections';

const TOKEN = 'test-token';

describe('checkConnections against the emulators', () => {
  let graph: ListeningGraphEmulator;
  let bc: BcListening;
  let eurGraph: ListeningGraphEmulator;

  beforeAll(async () => {
    const data = generateSandboxData({ seed: 7, scale: { customers: 20, appointments: 30, daysBack: 3, daysAhead: 1 } });
    graph = await createGraphEmulator(data.bookings, { token: TOKEN }).listen('127.0.0.1', 0);
    bc = await createBcEmulator(data.bc, { token: TOKEN }).listen('127.0.0.1', 0);
    const eur = generateSandboxData({ seed: 7, scale: { customers: 20, appointments: 30, daysBack: 3, daysAhead: 1 } });
    for (const b of eur.bookings.businesses) b.business.defaultCurrencyIso = 'EUR';
    eurGraph = await createGraphEmulator(eur.bookings, { token: TOKEN }).listen('127.0.0.1', 0);
  });
  afterAll(async () => {
    await Promise.all([graph.close(), bc.close(), eurGraph.close()]);
  });

  const clients = (token = TOKEN, graphUrl = graph.baseUrl): ConnectionClients => {
    const tokenProvider = new StaticTokenProvider(token);
    const retry = { maxAttempts: 1 };
    return {
      bookings: new BookingsClient({ baseUrl: graphUrl, tokenProvider, retry }),
      businessCentral: new BusinessCentralClient({ apiBaseUrl: bc.apiBaseUrl, tokenProvider, retry }),
    };
  };

  it('reports both sides ok with names and matching currencies, and explains the template rules', async () => {
    const result = await checkConnections(clients(), { businessId: SANDBOX_BUSINESS_ID, companyId: SANDBOX_COMPANY_ID });
    expect(result.bookings).toMatchObject({ ok: true, currency: 'DKK', problems: [], warnings: [] });
    expect(result.bookings.businessName).toEqual(expect.any(String));
    expect(result.businessCentral).toMatchObject({ ok: true, localCurrency: 'DKK', problems: [], warnings: [], notes: [TEMPLATE_NOTE] });
    expect(result.businessCentral.companyName).toEqual(expect.any(String));
  });

  it('explains a rejected token on both sides with the permission to grant', async () => {
    const result = await checkConnections(clients('wrong-token'), { businessId: SANDBOX_BUSINESS_ID, companyId: SANDBOX_COMPANY_ID });
    expect(result.bookings.ok).toBe(false);
    expect(result.bookings.problems).toEqual([expect.stringMatching(/^Microsoft Graph \(Bookings\) said 401: .*Bookings\.Read\.All/)]);
    expect(result.businessCentral.ok).toBe(false);
    expect(result.businessCentral.problems).toEqual([expect.stringMatching(/^Business Central said 401: .*API\.ReadWrite\.All/)]);
  });

  it('names an unknown business and company and lists the ones to pick from', async () => {
    const result = await checkConnections(clients(), {
      businessId: 'nobody@nordlys.onmicrosoft.com',
      companyId: '00000000-0000-0000-0000-000000000000',
    });
    expect(result.bookings.problems).toEqual([
      expect.stringMatching(new RegExp(`^Bookings business nobody@nordlys\\.onmicrosoft\\.com not found: pick one from the list \\(.*${SANDBOX_BUSINESS_ID}`)),
    ]);
    expect(result.businessCentral.problems).toEqual([
      expect.stringMatching(new RegExp(`^Business Central company 0{8}-.* not found: pick one from the list \\(.*${SANDBOX_COMPANY_ID}`)),
    ]);
  });

  it('asks for a company when none is chosen', async () => {
    const result = await checkConnections(clients(), { businessId: SANDBOX_BUSINESS_ID, companyId: null });
    expect(result.businessCentral.ok).toBe(false);
    expect(result.businessCentral.problems[0]).toMatch(/^No Business Central company chosen: pick one from the list/);
  });

  it('warns when the currencies differ and says what invoices will carry', async () => {
    const result = await checkConnections(clients(TOKEN, eurGraph.baseUrl), { businessId: SANDBOX_BUSINESS_ID, companyId: SANDBOX_COMPANY_ID });
    expect(result.bookings.currency).toBe('EUR');
    expect(result.businessCentral.ok).toBe(true);
    expect(result.businessCentral.warnings).toEqual([
      expect.stringContaining("Currencies differ: Bookings uses EUR, the company's local currency is DKK: invoices will be in EUR (currencyCode EUR)"),
    ]);
  });

  it('says when a service cannot be reached', async () => {
    const result = await checkConnections(clients(TOKEN, 'http://127.0.0.1:9/v1.0'), { businessId: SANDBOX_BUSINESS_ID, companyId: SANDBOX_COMPANY_ID });
    expect(result.bookings.problems[0]).toMatch(/^Could not reach Microsoft Graph \(Bookings\)/);
  });
});
