import { defaultSetup, type Setup } from './setup-schema';
import { applySetupPatch } from './validate';

const BUSINESS = 'contoso@contoso.onmicrosoft.com';
const GUID = '5d115c9c-44e3-ea11-bb43-000d3a2feca1';
const base = (): Setup => defaultSetup(BUSINESS);

function errorsOf(patch: unknown): Record<string, string> {
  const result = applySetupPatch(base(), patch);
  if (result.ok) throw new Error(`expected ${JSON.stringify(patch)} to be refused`);
  return result.fields;
}

describe('applySetupPatch: bad values name their field and say what to do', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ['companyId', { companyId: 'CRONUS' }, 'companyId', /company id from Business Central \(a GUID/],
    ['pricesIncludeVat', { pricesIncludeVat: 'yes' }, 'pricesIncludeVat', /^Use true or false$/],
    ['syncCustomers', { syncCustomers: 1 }, 'syncCustomers', /^Use true or false$/],
    ['syncServices', { syncServices: 'false' }, 'syncServices', /^Use true or false$/],
    ['syncIntervalMinutes low', { syncIntervalMinutes: 4 }, 'syncIntervalMinutes', /whole number of minutes from 5 to 1440/],
    ['syncIntervalMinutes high', { syncIntervalMinutes: 1441 }, 'syncIntervalMinutes', /from 5 to 1440/],
    ['syncIntervalMinutes fraction', { syncIntervalMinutes: 7.5 }, 'syncIntervalMinutes', /whole number/],
    ['syncIntervalMinutes text', { syncIntervalMinutes: '15' }, 'syncIntervalMinutes', /whole number/],
    ['lookBackDays', { lookBackDays: 0 }, 'lookBackDays', /whole number of days from 1 to 730/],
    ['lookBackDays high', { lookBackDays: 731 }, 'lookBackDays', /from 1 to 730/],
    ['overlapDays', { overlapDays: -1 }, 'overlapDays', /whole number of days from 0 to 60/],
    ['overlapDays high', { overlapDays: 61 }, 'overlapDays', /from 0 to 60/],
    ['customer type', { customerTemplate: { type: 'Vendor' } }, 'customerTemplate.type', /Use Person or Company/],
    ['payment terms', { customerTemplate: { paymentTermsId: '14 DAYS' } }, 'customerTemplate.paymentTermsId', /payment terms id .* GUID/],
    ['currency', { customerTemplate: { currencyCode: 'KRONER' } }, 'customerTemplate.currencyCode', /3-letter currency code .* blank for the local currency/],
    ['tax area', { customerTemplate: { taxAreaId: 'x' } }, 'customerTemplate.taxAreaId', /tax area id/],
    ['tax liable', { customerTemplate: { taxLiable: 'no' } }, 'customerTemplate.taxLiable', /Use true or false/],
    ['shipment method', { customerTemplate: { shipmentMethodId: 'x' } }, 'customerTemplate.shipmentMethodId', /shipment method id/],
    ['payment method', { customerTemplate: { paymentMethodId: 'CASH' } }, 'customerTemplate.paymentMethodId', /payment method id/],
    ['item type', { itemTemplate: { type: 'Inventory' } }, 'itemTemplate.type', /always of type Service/],
    ['unit of measure', { itemTemplate: { baseUnitOfMeasureCode: 'HOURSANDMORE' } }, 'itemTemplate.baseUnitOfMeasureCode', /1 to 10 characters/],
    ['tax group', { itemTemplate: { taxGroupCode: 'X'.repeat(21) } }, 'itemTemplate.taxGroupCode', /1 to 20 characters/],
    [
      'gen. prod. posting group',
      { itemTemplate: { generalProductPostingGroupCode: ' ' } },
      'itemTemplate.generalProductPostingGroupCode',
      /1 to 20 characters/,
    ],
    ['item category', { itemTemplate: { itemCategoryCode: 42 } }, 'itemTemplate.itemCategoryCode', /Business Central code/],
    ['grouping', { invoiceGrouping: 'perDay' }, 'invoiceGrouping', /perCustomerPerRun, perAppointment, perCustomerPerMonth/],
    ['zero lines', { addZeroLinesForFree: 'nej' }, 'addZeroLinesForFree', /Use true or false/],
    ['summary enabled', { dailySummary: { enabled: 'on' } }, 'dailySummary.enabled', /Use true or false/],
    ['summary time 24h', { dailySummary: { time: '7:30 PM' } }, 'dailySummary.time', /^Use a 24-hour time such as 07:30$/],
    ['summary time range', { dailySummary: { time: '24:00' } }, 'dailySummary.time', /24-hour time/],
    [
      'summary time zone windows',
      { dailySummary: { timeZone: 'Romance Standard Time' } },
      'dailySummary.timeZone',
      /^Not a time zone: use an IANA name such as Europe\/Copenhagen$/,
    ],
    ['summary time zone garbage', { dailySummary: { timeZone: 'Nowhere/Special' } }, 'dailySummary.timeZone', /Not a time zone/],
    ['summary when empty', { dailySummary: { postWhenEmpty: 0 } }, 'dailySummary.postWhenEmpty', /Use true or false/],
    ['summary conversations word', { dailySummary: { conversationIds: 'everyone' } }, 'dailySummary.conversationIds', /Use all, or a list/],
    ['summary conversations empty', { dailySummary: { conversationIds: [] } }, 'dailySummary.conversationIds', /one or more conversation ids/],
    [
      'admins',
      { roles: { admins: ['6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', 'not a user'] } },
      'roles.admins',
      /^Entry 2: Use an Entra object id \(a GUID\), or tenant id\/object id/,
    ],
    ['an email is not a user', { roles: { admins: ['anna@contoso.com'] } }, 'roles.admins', /^Entry 1: Use an Entra object id/],
    ['invoicers', { roles: { invoicers: 'anna@contoso.com' } }, 'roles.invoicers', /list of Entra object ids/],
  ];

  it.each(cases)('%s', (_name, patch, path, message) => {
    const fields = errorsOf(patch);
    expect(Object.keys(fields)).toEqual([path]);
    expect(fields[path]).toMatch(message);
  });

  it('reports every bad field at once', () => {
    const fields = errorsOf({ overlapDays: 99, dailySummary: { time: 'noon', timeZone: 'CET Standard' } });
    expect(Object.keys(fields).sort()).toEqual(['dailySummary.time', 'dailySummary.timeZone', 'overlapDays']);
  });

  it('rejects a patch that is not an object', () => {
    expect(errorsOf(['syncCustomers'])).toEqual({ '': expect.stringMatching(/object/) });
    expect(errorsOf('syncCustomers=true')).toEqual({ '': expect.stringMatching(/object/) });
  });

  it('rejects a group set to a single value', () => {
    expect(errorsOf({ dailySummary: true })).toEqual({ dailySummary: expect.stringMatching(/group of settings/) });
  });

  it('refuses to move the setup to another business', () => {
    expect(errorsOf({ businessId: 'other@contoso.onmicrosoft.com' })).toEqual({
      businessId: expect.stringMatching(/cannot change/),
    });
    expect(applySetupPatch(base(), { businessId: BUSINESS })).toMatchObject({ ok: true, changed: [] });
  });
});

describe('applySetupPatch: unknown keys', () => {
  it('rejects an unknown top-level key and lists the settings', () => {
    const fields = errorsOf({ syncIntervalMinute: 30 });
    expect(Object.keys(fields)).toEqual(['syncIntervalMinute']);
    expect(fields['syncIntervalMinute']).toMatch(/Not a setting: use one of .*syncIntervalMinutes/);
  });

  it('rejects an unknown nested key with its dotted path and the group fields', () => {
    const fields = errorsOf({ customerTemplate: { vatBusPostingGroup: 'DK' }, dailySummary: { zone: 'UTC' } });
    expect(fields['customerTemplate.vatBusPostingGroup']).toMatch(/use one of type, paymentTermsId, currencyCode/);
    expect(fields['dailySummary.zone']).toMatch(/timeZone/);
  });
});

describe('applySetupPatch: merging and changes', () => {
  it('deep-merges nested objects, keeping siblings', () => {
    const current = applySetupPatch(base(), { dailySummary: { time: '06:15', postWhenEmpty: true } });
    if (!current.ok) throw new Error('setup');
    const next = applySetupPatch(current.setup, { dailySummary: { timeZone: 'Europe/Oslo' } });
    expect(next).toMatchObject({
      ok: true,
      setup: { dailySummary: { time: '06:15', postWhenEmpty: true, timeZone: 'Europe/Oslo', enabled: true } },
      changed: ['dailySummary.timeZone'],
    });
  });

  it('replaces arrays instead of merging them', () => {
    const first = applySetupPatch(base(), { roles: { admins: ['6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', '7a2d1c2f-5b60-4b54-8b8f-3e4d2c1f0a22'] } });
    if (!first.ok) throw new Error('setup');
    const next = applySetupPatch(first.setup, { roles: { admins: [GUID] } });
    expect(next).toMatchObject({ ok: true, setup: { roles: { admins: [GUID], invoicers: [], unmatched: [] } }, changed: ['roles.admins'] });
  });

  it('lists exactly the changed dotted paths, with old and new values', () => {
    const result = applySetupPatch(base(), {
      companyId: GUID,
      syncIntervalMinutes: 15,
      overlapDays: 5,
      customerTemplate: { paymentTermsId: GUID, type: 'Person' },
      dailySummary: { conversationIds: ['19:abc@thread.tacv2'] },
    });
    expect(result.ok && result.changed).toEqual(['companyId', 'customerTemplate.paymentTermsId', 'dailySummary.conversationIds', 'overlapDays']);
    expect(result.ok && result.changes[0]).toEqual({ path: 'companyId', from: null, to: GUID });
  });

  it('reports no change for a value that only differs before normalising', () => {
    const result = applySetupPatch(base(), { dailySummary: { timeZone: 'europe/copenhagen' } });
    expect(result).toMatchObject({ ok: true, changed: [] });
  });

  it('resets a field to its default with null and clears an optional field', () => {
    const first = applySetupPatch(base(), { syncIntervalMinutes: 60, customerTemplate: { paymentTermsId: GUID, currencyCode: '' } });
    if (!first.ok) throw new Error('setup');
    expect(first.setup.customerTemplate.currencyCode).toBe('');
    const next = applySetupPatch(first.setup, { syncIntervalMinutes: null, customerTemplate: { paymentTermsId: null } });
    expect(next).toMatchObject({ ok: true, changed: ['customerTemplate.paymentTermsId', 'syncIntervalMinutes'] });
    expect(next.ok && next.setup.syncIntervalMinutes).toBe(15);
    expect(next.ok && 'paymentTermsId' in next.setup.customerTemplate).toBe(false);
  });

  it('leaves the current setup untouched', () => {
    const current = base();
    applySetupPatch(current, { dailySummary: { time: '08:00' } });
    expect(current.dailySummary.time).toBe('07:30');
  });
});
