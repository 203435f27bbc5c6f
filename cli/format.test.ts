import { formatMoney, formatWho } from './format';

describe('CLI money', () => {
  it("groups thousands and keeps the currency's decimals", () => {
    expect(formatMoney({ minor: 68_733_066, currency: 'DKK' })).toBe('DKK 687,330.66');
    expect(formatMoney({ minor: -123_456, currency: 'EUR' })).toBe('EUR -1,234.56');
    expect(formatMoney({ minor: 1_234_567, currency: 'JPY' })).toBe('JPY 1,234,567');
    expect(formatMoney({ minor: 42, currency: 'DKK' })).toBe('DKK 0.42');
    expect(formatMoney(null)).toBe('');
  });
});

describe('formatWho', () => {
  it('names a person and says every other actor in words', () => {
    expect(formatWho({ kind: 'person', name: 'Anna Berg' })).toBe('Anna Berg');
    expect(formatWho({ kind: 'cli', user: 'root' })).toBe('Command line');
    expect(formatWho({ kind: 'sandbox' })).toBe('Sandbox user');
    expect(formatWho({ kind: 'scheduler' })).toBe('Scheduler');
  });
});
