/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import { pickLocale } from '../../i18n/locale';
import type { ChannelTabConfig, TabConfigSdk } from '../../teams/tab-config-sdk';
import { isConfigurePath } from './channel-tab';
import { ConfigurePage } from './configure-page';

function fakeTeams(initialized: Promise<void> = Promise.resolve()) {
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

  it('is served at the path the manifest names', () => {
    expect([isConfigurePath('/tab/configure'), isConfigurePath('/tab/configure/'), isConfigurePath('/tab/unbilled')]).toEqual([true, true, false]);
  });
});
