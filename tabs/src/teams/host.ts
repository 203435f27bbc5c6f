import { SignInSession } from './sign-in-session';
import type { TeamsContext, TeamsSdk } from './teams-sdk';
import { mayBeTeams, type HostWindow } from './may-be-teams';

export type ThemeName = 'light' | 'dark' | 'contrast';

/** Where the tab runs: inside Teams (SSO, Teams theme and locale) or as a plain web page. */
export interface Host {
  kind: 'teams' | 'web';
  theme: ThemeName;
  /** Teams' locale ("da-dk"), or null outside Teams. */
  locale: string | null;
  /** The deep link's sub-page id, a query string of filters. */
  subPageId: string | null;
  /** A bearer token for our API; null outside Teams (the server uses its development identity). */
  getToken(): Promise<string | null>;
  /** In Teams: the SSO session whose consent problems the tab shows. */
  signIn?: SignInSession;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  openLink: (url: string) => void;
}

export function themeFromTeams(theme: string): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

export function webHost(prefersDark: boolean, openWindow: (url: string) => void): Host {
  return {
    kind: 'web',
    theme: prefersDark ? 'dark' : 'light',
    locale: null,
    subPageId: null,
    getToken: async () => null,
    onThemeChange: () => undefined,
    openLink: openWindow,
  };
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`no Teams host answered within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export interface DetectOptions {
  win: HostWindow;
  sdk: TeamsSdk;
  prefersDark: boolean;
  openWindow: (url: string) => void;
  /** How long a frame gets to prove it is Teams. */
  timeoutMs?: number;
  /** A fresh unguessable state for each sign-in window. */
  newState: () => string;
}

/** The sign-in window's first page (server/sign-in/): it sends the user on to Microsoft Entra. */
export function authStartUrl(context: Pick<TeamsContext, 'tenantId' | 'loginHint'>, state: string): string {
  const query = new URLSearchParams({ state });
  if (context.tenantId) query.set('tenant', context.tenantId);
  if (context.loginHint) query.set('loginHint', context.loginHint);
  return `/auth-start?${query.toString()}`;
}

/**
 * Not framed (and not Teams mobile): a web page at once, without touching the SDK. Otherwise Teams if
 * it answers `initialize` in time, else (an iframe elsewhere) a web page too.
 */
export async function detectHost(options: DetectOptions): Promise<Host> {
  const web = webHost(options.prefersDark, options.openWindow);
  if (!mayBeTeams(options.win)) return web;
  const { sdk } = options;
  try {
    await withTimeout(sdk.initialize(), options.timeoutMs ?? 3000);
    const context = await withTimeout(sdk.getContext(), options.timeoutMs ?? 3000);
    const signIn = new SignInSession({
      getAuthToken: () => sdk.getAuthToken(),
      authenticate: (url) => sdk.authenticate(url),
      startUrl: (state) => authStartUrl(context, state),
      newState: options.newState,
    });
    return {
      kind: 'teams',
      theme: themeFromTeams(context.theme),
      locale: context.locale,
      subPageId: context.subPageId,
      getToken: () => signIn.getToken(),
      signIn,
      onThemeChange: (handler) => sdk.onThemeChange((t) => handler(themeFromTeams(t))),
      openLink: (url) => {
        void sdk.openLink(url).catch(() => options.openWindow(url));
      },
    };
  } catch {
    return web;
  }
}
