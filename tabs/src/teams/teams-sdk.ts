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

/**
 * Loaded only when the page is framed (detectHost asks nothing of the SDK otherwise): outside Teams
 * the tab starts without fetching, compiling and running the library's 48 kB.
 */
const teams = () => import('./teams-js-parts');

export const teamsSdk: TeamsSdk = {
  initialize: async () => (await teams()).app.initialize(),
  getContext: async () => {
    const context = await (await teams()).app.getContext();
    return {
      theme: context.app.theme,
      locale: context.app.locale,
      subPageId: context.page.subPageId ?? null,
      tenantId: context.user?.tenant?.id ?? null,
      loginHint: context.user?.loginHint ?? null,
    };
  },
  onThemeChange: (handler) => void teams().then(({ app }) => app.registerOnThemeChangeHandler(handler)),
  getAuthToken: async () => (await teams()).authentication.getAuthToken(),
  authenticate: async (url) => (await teams()).authentication.authenticate({ url, ...POPUP }),
  openLink: async (url) => (await teams()).app.openLink(url),
};
