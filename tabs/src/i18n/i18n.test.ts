import { formatDateTime, formatDay, formatDuration, formatMoney, formatTotals } from './format';
import { pickLocale } from './locale';
import { da } from './messages-da';
import { en } from './messages-en';

describe('locale', () => {
  it('prefers ?lang, then Teams, then the browser; English otherwise', () => {
    expect(pickLocale([null, 'da-dk', 'en-US'])).toEqual({ language: 'da', tag: 'da-DK' });
    expect(pickLocale(['en', 'da-DK'])).toEqual({ language: 'en', tag: 'en-US' });
    expect(pickLocale([undefined, 'nb-NO', 'sv-SE'])).toEqual({ language: 'en', tag: 'en-US' });
    expect(pickLocale(['en-gb'])).toEqual({ language: 'en', tag: 'en-GB' });
  });
});

describe('Danish', () => {
  it('has every message and the strings the acceptance check reads', () => {
    expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
    expect(da.invoiceSelected).toBe('Fakturer valgte');
    expect(da.navSetup).toBe('Opsætning');
    expect(da.invoiceNumber('103001')).toBe('Faktura 103001');
    expect(da.runDone('2', '0')).toMatch(/oprettet/);
  });

  it('formats money from minor units, dates and times the Danish way', () => {
    const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
    expect(nbsp(formatMoney({ minor: 123_456_78, currency: 'DKK' }, 'da-DK'))).toBe('123.456,78 kr.');
    expect(nbsp(formatTotals([{ minor: 5, currency: 'DKK' }], 'da-DK'))).toBe('0,05 kr.');
    expect(nbsp(formatMoney({ minor: 123_456_78, currency: 'DKK' }, 'en-US'))).toBe('DKK 123,456.78');
    expect(formatDay('2026-11-02', 'da-DK')).toBe('2. nov. 2026');
    expect(formatDateTime('2026-11-02T08:30:00Z', 'da-DK', 'Europe/Copenhagen')).toMatch(/^2\. nov\. 2026,? 09\.30$/);
    expect(formatDuration(90, 'da-DK')).toMatch(/^1\s?t 30 min\.?$/);
  });
});
