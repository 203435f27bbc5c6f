import { defaultSetup, setupSchema } from './setup-schema';
import { canonicalTimeZoneCase, isIanaTimeZone } from './time-zone';

const BUSINESS = 'contoso@contoso.onmicrosoft.com';
const COMPANY = '5d115c9c-44e3-ea11-bb43-000d3a2feca1';

describe('defaultSetup', () => {
  it('holds the documented defaults and is itself valid', () => {
    const setup = defaultSetup(BUSINESS);
    expect(setup).toEqual({
      businessId: BUSINESS,
      companyId: null,
      pricesIncludeVat: true,
      syncCustomers: true,
      syncServices: true,
      syncIntervalMinutes: 15,
      lookBackDays: 90,
      overlapDays: 3,
      customerTemplate: { type: 'Person' },
      itemTemplate: { type: 'Service' },
      invoiceGrouping: 'perCustomerPerRun',
      addZeroLinesForFree: false,
      afterCreate: 'draft',
      noShowFee: { itemId: null, perService: {}, rule: { kind: 'percent', percent: 100 }, lateCancellationHours: 0 },
      dailySummary: {
        enabled: true,
        time: '07:30',
        timeZone: 'Europe/Copenhagen',
        postWhenEmpty: false,
        conversationIds: 'all',
      },
      overdueCard: { enabled: true, day: 'monday', time: '08:00' },
      autoInvoice: { enabled: false, frequency: 'daily', day: 'monday', time: '06:00' },
      roles: { admins: [], invoicers: [], unmatched: [] },
    });
    expect(setupSchema.parse(JSON.parse(JSON.stringify(setup)))).toEqual(setup);
  });

  it('takes the company when given', () => {
    expect(defaultSetup(BUSINESS, COMPANY).companyId).toBe(COMPANY);
  });

  it('refuses a business id that is not an email address', () => {
    expect(() => defaultSetup('not a mailbox')).toThrow();
  });
});

describe('setupSchema', () => {
  it('fills fields missing from an older stored document with their defaults', () => {
    const stored = { businessId: BUSINESS, companyId: COMPANY, dailySummary: { time: '06:00' } };
    const setup = setupSchema.parse(stored);
    expect(setup.dailySummary).toMatchObject({ time: '06:00', enabled: true, timeZone: 'Europe/Copenhagen' });
    expect(setup.syncIntervalMinutes).toBe(15);
  });

  it('normalises what Business Central and sign-in would normalise anyway', () => {
    const setup = setupSchema.parse({
      businessId: BUSINESS,
      customerTemplate: { currencyCode: 'dkk' },
      itemTemplate: { baseUnitOfMeasureCode: ' hour ' },
      dailySummary: { timeZone: 'europe/copenhagen' },
      roles: { admins: ['6F1C0B1E-4A59-4A43-9A7E-2D3C1B0E9F11', '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11'], invoicers: [] },
    });
    expect(setup.customerTemplate.currencyCode).toBe('DKK');
    expect(setup.itemTemplate.baseUnitOfMeasureCode).toBe('HOUR');
    expect(setup.dailySummary.timeZone).toBe('Europe/Copenhagen');
    expect(setup.roles.admins).toEqual(['6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11']);
  });
});

describe('time zones', () => {
  it.each(['Europe/Copenhagen', 'America/New_York', 'UTC', 'Etc/GMT+1'])('accepts %s', (name) => {
    expect(isIanaTimeZone(name)).toBe(true);
  });

  it.each(['Romance Standard Time', 'W. Europe Standard Time', '+01:00', 'Mars/Olympus', '', 'Europe/../etc'])('rejects %j', (name) => {
    expect(isIanaTimeZone(name)).toBe(false);
  });

  it('fixes the case but keeps a legacy name Intl would map to another zone', () => {
    expect(canonicalTimeZoneCase('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZoneCase('EST')).toBe('EST');
  });
});
