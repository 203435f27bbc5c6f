import { app, authentication } from '@microsoft/teams-js';

/** The part of @microsoft/teams-js the tab uses, so tests can stand in a fake host. */
export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<TeamsContext>;
  onThemeChange(handler: (theme: string) => void): void;
  getAuthToken(): Promise<string>;
  openLink(url: string): Promise<void>;
}

export interface TeamsContext {
  theme: string;
  locale: string;
  subPageId: string | null;
  appId: string | null;
}

export const teamsSdk: TeamsSdk = {
  initialize: () => app.initialize(),
  getContext: async () => {
    const context = await app.getContext();
    return {
      theme: context.app.theme,
      locale: context.app.locale,
      subPageId: context.page.subPageId ?? null,
      appId: context.app.appId?.toString() ?? null,
    };
  },
  onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
  getAuthToken: () => authentication.getAuthToken(),
  openLink: (url) => app.openLink(url),
};
