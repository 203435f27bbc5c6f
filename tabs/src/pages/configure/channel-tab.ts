import type { ChannelTabConfig } from '../../teams/tab-config-sdk';

/** The manifest's configurableTabs configurationUrl path. */
export const CONFIGURE_PATH = '/tab/configure';

export const isConfigurePath = (pathname: string) => pathname.replace(/\/+$/, '') === CONFIGURE_PATH;

/** A channel's Unbilled Bookings tab: the same list as the personal tab, at the same address. */
export function channelTabConfig(origin: string, displayName: string): ChannelTabConfig {
  const url = `${origin.replace(/\/+$/, '')}/tab/unbilled`;
  return { entityId: 'unbilled-channel', contentUrl: url, websiteUrl: url, suggestedDisplayName: displayName };
}
