/** @jest-environment jsdom */
import { webDarkTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import { pickLocale } from '../../i18n/locale';
import type { ChannelTabConfig, TabConfigContext, TabConfigSdk } from '../../teams/tab-config-sdk';
import { isConfigurePath } from './channel-tab';
import { ConfigurePage } from './configure-page';

function fakeTeams(initialized: Promise<TabConfigContext> = Promise.resolve({ locale: 'en-us', theme: 'default' })) {
  const state: { valid: boolean | null; save: (() => ChannelTabConfig) | null } = { valid: null, save: null };
  const sdk: TabConfigSdk = {
    initialize: () => initialized,
    setValid: (valid) => (state.valid = valid),
    onSave: (config) => (state.save = config),
  };
  return { sdk, state };
}

describe('the channel tab configuration page', () => {
  it("enables Save and answers it with the channel's Unbilled Bookings tab", async () => {
    const { sdk, state } = fakeTeams();
    render(<ConfigurePage sdk={sdk} origin="https://bookings.example.net/" locale={pickLocale(['en-US'])} />);
    expect(screen.getByRole('heading', { name: 'Unbilled Bookings in this channel' })).toBeTruthy();
    await waitFor(() => expect(state.valid).toBe(true));
    expect(state.save?.()).toEqual({
      entityId: 'unbilled-channel',
      contentUrl: 'https://bookings.example.net/tab/unbilled',
      websiteUrl: 'https://bookings.example.net/tab/unbilled',
      suggestedDisplayName: 'Unbilled Bookings',
    });
  });

  it('names the tab in Danish for a Danish Teams, and says what to do when Teams does not answer', async () => {
    const { sdk, state } = fakeTeams(Promise.reject(new Error('no host')));
    render(<ConfigurePage sdk={sdk} origin="https://bookings.example.net" locale={pickLocale(['da-DK'])} />);
    expect(await screen.findByText('Teams svarede ikke; luk dialogen, og tilføj fanen igen.')).toBeTruthy();
    expect(state.valid).toBeNull();
  });

  it("speaks Teams' language and wears its theme, whatever the browser's language", async () => {
    const { sdk, state } = fakeTeams(Promise.resolve({ locale: 'da-dk', theme: 'dark' }));
    const { container } = render(<ConfigurePage sdk={sdk} origin="https://bookings.example.net" locale={pickLocale(['en-US'])} />);
    expect(await screen.findByRole('heading', { name: 'Ikke fakturerede bookinger i denne kanal' })).toBeTruthy();
    await waitFor(() => expect(state.valid).toBe(true));
    expect(state.save?.().suggestedDisplayName).toBe('Ikke fakturerede bookinger');
    const provider = container.querySelector('.fui-FluentProvider');
    expect(provider?.getAttribute('lang')).toBe('da-DK');
    // Fluent's dark theme, as the provider's style rules set it.
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(rules).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  });

  it('is served at the path the manifest names', () => {
    expect([isConfigurePath('/tab/configure'), isConfigurePath('/tab/configure/'), isConfigurePath('/tab/unbilled')]).toEqual([true, true, false]);
  });
});
