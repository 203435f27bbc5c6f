import { pages } from '@microsoft/teams-js';
import { teamsSdk, type TeamsContext } from './teams-sdk';

/** What Teams keeps for a channel tab once its configuration page saves. */
export interface ChannelTabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** What the dialog is shown in: Teams' language and theme (`default`, `dark`, `contrast`). */
export type TabConfigContext = Pick<TeamsContext, 'locale' | 'theme'>;

/** The part of @microsoft/teams-js a configuration page uses, so tests can stand in for Teams. */
export interface TabConfigSdk {
  initialize(): Promise<TabConfigContext>;
  /** Enables Teams' Save button. */
  setValid(valid: boolean): void;
  /** Teams calls this when the user saves; the page answers with the tab's configuration. */
  onSave(config: () => ChannelTabConfig): void;
}

export const tabConfigSdk: TabConfigSdk = {
  initialize: async () => {
    await teamsSdk.initialize();
    const { locale, theme } = await teamsSdk.getContext();
    return { locale, theme };
  },
  setValid: (valid) => pages.config.setValidityState(valid),
  onSave: (config) =>
    pages.config.registerOnSaveHandler((event) => {
      pages.config.setConfig(config()).then(
        () => event.notifySuccess(),
        (err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)),
      );
    }),
};
