import { parseCommand } from '../commands';
import { installGreetingCard, setupTabDeepLink } from './install-greeting-card';

const TAB = { appId: '8a4d6c1e-2f3b-4c5d-9e8f-1a2b3c4d5e6f', webUrl: 'https://bookings.example.net/tab/unbilled' };
const NOW = new Date('2026-11-16T08:00:00Z');

type Action = { type: string; title: string; url?: string; data?: { msteams: { type: string; value: string } } };
const actionsOf = (card: Record<string, unknown>) => card['actions'] as Action[];

describe('the install greeting', () => {
  it('in a personal chat: what the app does and three commands to try, each one the bot understands', () => {
    for (const locale of ['en-US', 'da-DK'] as const) {
      const actions = actionsOf(installGreetingCard('personal', locale, TAB));
      expect(actions.map((a) => [a.type, a.data?.msteams.type])).toEqual(Array(3).fill(['Action.Submit', 'imBack']));
      const kinds = actions.map((a) => parseCommand(a.data!.msteams.value, { now: NOW, timeZone: 'Europe/Copenhagen' }).kind);
      expect([locale, kinds]).toEqual([locale, ['invoice', 'unbilled', 'status']]);
    }
    expect(actionsOf(installGreetingCard('personal', 'en-US', TAB)).map((a) => a.title)).toEqual(['invoice yesterday', 'unbilled', 'status']);
    expect(actionsOf(installGreetingCard('personal', 'da-DK', TAB)).map((a) => a.title)).toEqual(['fakturer i går', 'ikke fakturerede', 'status']);
  });

  it('in a channel or group chat: the daily summary can come here, with a button that opens Setup', () => {
    for (const scope of ['channel', 'groupChat'] as const) {
      const card = installGreetingCard(scope, 'en-US', TAB);
      expect(JSON.stringify(card)).toContain('daily summary');
      expect(actionsOf(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Choose it in Setup', url: setupTabDeepLink(TAB, 'Setup') }]);
    }
    expect(actionsOf(installGreetingCard('channel', 'da-DK', TAB))[0]?.title).toBe('Vælg den under Opsætning');
  });

  it("links to the manifest's Setup tab, falling back to the tab's own Setup page", () => {
    const link = new URL(setupTabDeepLink(TAB, 'Setup'));
    expect(link.origin + link.pathname).toBe(`https://teams.microsoft.com/l/entity/${TAB.appId}/setup`);
    expect(Object.fromEntries(link.searchParams)).toEqual({ webUrl: 'https://bookings.example.net/tab/setup', label: 'Setup' });
  });
});
