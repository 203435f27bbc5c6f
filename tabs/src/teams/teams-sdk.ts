import { app, authentication } from '@microsoft/teams-js';

/** The part of @microsoft/teams-js the tab uses, so tests can stand in a fake host. */
export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<TeamsContext>;
  onThemeChange(handler: (theme: string) => void): void;
  getAuthToken(): Promise<string>;
  /** Opens `url` (relative to the tab) in Teams' sign-in window; resolves with what /auth-end notifies. */
  authenticate(url: string): Promise<string>;
  openLink(url: string): Promise<void>;
}

export interface TeamsContext {
  theme: string;
  locale: string;
  subPageId: string | null;
  /** The signed-in user's tenant and login hint, for the consent window's sign-in. */
  tenantId: string | null;
  loginHint: string | null;
}

// Teams' own sign-in window size (its docs' sample): large enough for Entra's consent page.
const POPUP = { width: 600, height: 535 };

export const teamsSdk: TeamsSdk = {
  initialize: () => app.initialize(),
  getContext: async () => {
    const context = await app.getContext();
    return {
      theme: context.app.theme,
      locale: context.app.locale,
      subPageId: context.page.subPageId ?? null,
      tenantId: context.user?.tenant?.id ?? null,
      loginHint: context.user?.loginHint ?? null,
    };
  },
  onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
  getAuthToken: () => authentication.getAuthToken(),
  authenticate: (url) => authentication.authenticate({ url, ...POPUP }),
  openLink: (url) => app.openLink(url),
};
