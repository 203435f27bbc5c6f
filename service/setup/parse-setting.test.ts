import { parseSettingAssignments } from './parse-setting';
import { defaultSetup } from './setup-schema';
import { applySetupPatch } from './validate';

const patchOf = (...args: string[]) => {
  const result = parseSettingAssignments(args);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.patch;
};
const errorsOf = (...args: string[]) => {
  const result = parseSettingAssignments(args);
  if (result.ok) throw new Error(`expected ${args.join(' ')} to be refused`);
  return result.errors;
};

describe('parseSettingAssignments', () => {
  it.each([
    ['true', true],
    ['false', false],
    ['yes', true],
    ['no', false],
    ['ja', true],
    ['nej', false],
    ['JA', true],
    ['Nej', false],
  ])('reads the boolean %s', (text, value) => {
    expect(patchOf(`syncCustomers=${text}`)).toEqual({ syncCustomers: value });
  });

  it('refuses a boolean word it does not know', () => {
    expect(errorsOf('syncCustomers=maybe')).toEqual({ syncCustomers: 'Use true or false (yes/no, ja/nej)' });
  });

  it('reads numbers, leaving range checks to validation', () => {
    expect(patchOf('syncIntervalMinutes=30', 'overlapDays=0')).toEqual({ syncIntervalMinutes: 30, overlapDays: 0 });
    expect(errorsOf('lookBackDays=ninety')).toEqual({ lookBackDays: expect.stringMatching(/digits/) });
    const tooLow = applySetupPatch(defaultSetup('a@b.dk'), patchOf('syncIntervalMinutes=2'));
    expect(tooLow).toEqual({ ok: false, fields: { syncIntervalMinutes: expect.stringMatching(/from 5 to 1440/) } });
  });

  it('builds nested objects from dotted keys, merging siblings', () => {
    expect(patchOf('dailySummary.time=06:45', 'dailySummary.timeZone=Europe/Oslo', 'customerTemplate.type=Company')).toEqual({
      dailySummary: { time: '06:45', timeZone: 'Europe/Oslo' },
      customerTemplate: { type: 'Company' },
    });
  });

  it('keeps an = inside the value', () => {
    expect(patchOf('dailySummary.conversationIds=a=b')).toEqual({ dailySummary: { conversationIds: ['a=b'] } });
  });

  it('reads comma lists for arrays and the word all where it is allowed', () => {
    expect(patchOf('roles.admins=6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11, 7a2d1c2f-5b60-4b54-8b8f-3e4d2c1f0a22,')).toEqual({
      roles: { admins: ['6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11', '7a2d1c2f-5b60-4b54-8b8f-3e4d2c1f0a22'] },
    });
    expect(patchOf('dailySummary.conversationIds=all')).toEqual({ dailySummary: { conversationIds: 'all' } });
    expect(patchOf('dailySummary.conversationIds=19:a@thread.v2,19:b@thread.v2')).toEqual({
      dailySummary: { conversationIds: ['19:a@thread.v2', '19:b@thread.v2'] },
    });
  });

  it('reads an empty value as empty: an empty list, a blank where blank is valid, else cleared', () => {
    expect(patchOf('roles.invoicers=')).toEqual({ roles: { invoicers: [] } });
    expect(patchOf('customerTemplate.currencyCode=')).toEqual({ customerTemplate: { currencyCode: '' } });
    expect(patchOf('customerTemplate.paymentTermsId=', 'companyId=', 'syncIntervalMinutes=')).toEqual({
      customerTemplate: { paymentTermsId: null },
      companyId: null,
      syncIntervalMinutes: null,
    });
  });

  it('produces patches that validate end to end', () => {
    const result = applySetupPatch(
      defaultSetup('a@b.dk'),
      patchOf('pricesIncludeVat=nej', 'dailySummary.time=06:00', 'roles.admins=6F1C0B1E-4A59-4A43-9A7E-2D3C1B0E9F11'),
    );
    expect(result).toMatchObject({
      ok: true,
      changed: ['dailySummary.time', 'pricesIncludeVat', 'roles.admins'],
      setup: { pricesIncludeVat: false, roles: { admins: ['6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11'] } },
    });
  });

  it('reports unknown keys, listing the settings at the nearest known level', () => {
    const errors = errorsOf('syncInterval=5', 'dailySummary.zone=UTC', 'syncCustomers.extra=1', 'valid.=1');
    expect(errors['syncInterval']).toMatch(/^Not a setting: use one of businessId, companyId, .*syncIntervalMinutes/);
    expect(errors['dailySummary.zone']).toMatch(/use one of dailySummary.enabled, dailySummary.time, dailySummary.timeZone/);
    expect(errors['syncCustomers.extra']).toMatch(/^Not a setting: use one of businessId/);
    expect(errors['valid.']).toMatch(/^Not a setting/);
  });

  it('reports a group used as a value, a missing =, and a key set twice', () => {
    const errors = errorsOf('dailySummary=off', 'syncCustomers', 'overlapDays=1', 'overlapDays=2');
    expect(errors).toEqual({
      dailySummary: expect.stringMatching(/group of settings: set its fields, such as dailySummary.enabled/),
      syncCustomers: expect.stringMatching(/key=value/),
      overlapDays: 'Set each setting only once',
    });
  });
});
