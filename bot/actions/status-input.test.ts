import { fixedClock } from '../../service/domain/clock';
import { silentLogger } from '../../service/logging/logger';
import { defaultSetup } from '../../service/setup/setup-schema';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import type { BotServices } from './bot-services';
import { statusInput } from './status-input';
import { businessStatus } from '../../service/app/business-status';
import { botStores } from './testing/bot-stores';

const COMPANY = '5d115c9c-44e3-ea11-bb43-000d3a2feca1';

describeEachStore('status card input', (getStore) => {
  const services = (
    companyId: string | undefined,
    companyNames: BotServices['companyNames'],
    businessNames: BotServices['businessNames'] = async () => new Map(),
  ): BotServices => ({
    ...botStores(getStore().db, fixedClock(DEFAULT_TEST_NOW), {
      businessId: 'clinic@contoso.dk',
      currentSetup: async () => defaultSetup('clinic@contoso.dk', companyId),
    }),
    logger: silentLogger,
    businessId: 'clinic@contoso.dk',
    currentSetup: async () => defaultSetup('clinic@contoso.dk', companyId),
    invoices: { start: jest.fn(), counts: jest.fn(), getRun: jest.fn(), getRunSummary: jest.fn(), retryFailed: jest.fn() },
    sync: { requestSync: jest.fn(), recentRuns: async () => [] },
    staffNames: async () => new Map(),
    companyNames,
    businessNames,
    appointments: { markNoShow: jest.fn() },
    people: { remember: jest.fn() },
    tab: { appId: 'app-1', webUrl: 'http://localhost/tab/unbilled' },
    clock: fixedClock(DEFAULT_TEST_NOW),
    roles: { homeTenantId: undefined, sandboxAnyTenant: true },
    status: () =>
      businessStatus({
        db: getStore().db,
        businessId: 'clinic@contoso.dk',
        clock: fixedClock(DEFAULT_TEST_NOW),
        currentSetup: async () => defaultSetup('clinic@contoso.dk', companyId),
      }),
  });

  it('names the set-up Business Central company by its name, never by its GUID', async () => {
    const input = await statusInput(services(COMPANY, async () => new Map([[COMPANY, 'CRONUS Danmark A/S']])));
    expect(input.businessCentralCompany).toBe('CRONUS Danmark A/S');
  });

  it("says '-' when no company is set, or Business Central cannot name it", async () => {
    expect((await statusInput(services(undefined, async () => new Map([[COMPANY, 'CRONUS']])))).businessCentralCompany).toBe('-');
    expect((await statusInput(services(COMPANY, async () => new Map()))).businessCentralCompany).toBe('-');
    const down = await statusInput(services(COMPANY, async () => Promise.reject(new Error('503'))));
    expect(down.businessCentralCompany).toBe('-');
  });

  it('names the set-up Bookings business by its display name, and by its mailbox address when Bookings cannot', async () => {
    const named = await statusInput(
      services(
        COMPANY,
        async () => new Map(),
        async () => new Map([['clinic@contoso.dk', 'Nordlys Fysioterapi']]),
      ),
    );
    expect(named.bookingsBusiness).toBe('Nordlys Fysioterapi');
    expect((await statusInput(services(COMPANY, async () => new Map()))).bookingsBusiness).toBe('clinic@contoso.dk');
    const down = await statusInput(
      services(
        COMPANY,
        async () => new Map(),
        async () => Promise.reject(new Error('503')),
      ),
    );
    expect(down.bookingsBusiness).toBe('clinic@contoso.dk');
  });
});
