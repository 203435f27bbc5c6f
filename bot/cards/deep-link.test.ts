import { parseUnbilledSubEntityId, unbilledTabDeepLink } from './deep-link';

const tab = { appId: '8a4d6c1e-2f3b-4c5d-9e8f-1a2b3c4d5e6f', webUrl: 'https://invoicing.example.dk/tab/unbilled' };

test('a Teams entity link to the unbilled tab whose context carries the period', () => {
  const link = new URL(unbilledTabDeepLink(tab, { firstDay: '2026-11-01', lastDay: '2026-11-15', customer: 'Søren & Co' }));
  expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${tab.appId}/unbilled`);
  const context = JSON.parse(link.searchParams.get('context') ?? '{}') as { subEntityId: string };
  expect(parseUnbilledSubEntityId(context.subEntityId)).toEqual({ firstDay: '2026-11-01', lastDay: '2026-11-15', customer: 'Søren & Co' });
  const fallback = new URL(link.searchParams.get('webUrl') ?? '');
  expect(fallback.pathname).toBe('/tab/unbilled');
  expect(fallback.searchParams.get('from')).toBe('2026-11-01');
});

test('without a filter the context is empty', () => {
  const link = new URL(unbilledTabDeepLink(tab));
  expect(JSON.parse(link.searchParams.get('context') ?? '')).toEqual({ subEntityId: '' });
});

test('the tab ignores malformed filters', () => {
  expect(parseUnbilledSubEntityId('from=yesterday&to=2026-11-15&customer=%20')).toEqual({ lastDay: '2026-11-15' });
});

test('refuses an app id that would change the path, and a plain-http fallback', () => {
  expect(() => unbilledTabDeepLink({ ...tab, appId: '../x' })).toThrow(RangeError);
  expect(() => unbilledTabDeepLink({ ...tab, webUrl: 'http://invoicing.example.dk/tab' })).toThrow(RangeError);
});
