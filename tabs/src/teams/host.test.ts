import { authStartUrl, detectHost, themeFromTeams } from './host';
import { mayBeTeams, type HostWindow } from './may-be-teams';
import type { TeamsContext, TeamsSdk } from './teams-sdk';

function fakeSdk(behaviour: {
  initialize: () => Promise<void>;
  context?: TeamsContext;
  getAuthToken?: () => Promise<string>;
}): TeamsSdk & { calls: string[]; emitTheme: (t: string) => void } {
  const calls: string[] = [];
  let themeHandler: (t: string) => void = () => undefined;
  return {
    calls,
    emitTheme: (t) => themeHandler(t),
    initialize: () => {
      calls.push('initialize');
      return behaviour.initialize();
    },
    getContext: async () => behaviour.context ?? { theme: 'default', locale: 'en-us', subPageId: null, tenantId: null, loginHint: null },
    onThemeChange: (h) => {
      themeHandler = h;
    },
    getAuthToken: behaviour.getAuthToken ?? (async () => 'sso-token'),
    authenticate: async (url) => {
      calls.push(`authenticate ${url}`);
      return 'state-1';
    },
    openLink: async () => undefined,
  };
}

const topLevel = (): Pick<Window, 'parent' | 'self'> => {
  const w = {} as { parent: unknown; self: unknown };
  w.parent = w;
  w.self = w;
  return w as Pick<Window, 'parent' | 'self'>;
};
const framed = (): Pick<Window, 'parent' | 'self'> => {
  const w = {} as { parent: unknown; self: unknown };
  w.parent = {};
  w.self = w;
  return w as Pick<Window, 'parent' | 'self'>;
};

/** Teams' iOS and Android clients: a top-level web view with the host's native interface. */
const teamsMobile = (): HostWindow => Object.assign(topLevel(), { nativeInterface: { framelessPostMessage: () => undefined } });

describe('detectHost', () => {
  it('runs as a web page at once when not framed, without calling the Teams SDK', async () => {
    const sdk = fakeSdk({ initialize: () => new Promise<void>(() => undefined) });
    const host = await detectHost({ win: topLevel(), sdk, prefersDark: true, openWindow: () => undefined, newState: () => 'state-1', timeoutMs: 60_000 });
    expect(host.kind).toBe('web');
    expect(host.theme).toBe('dark');
    expect(sdk.calls).toEqual([]);
    await expect(host.getToken()).resolves.toBeNull();
  });

  it('uses Teams when framed and the host answers: theme, locale, deep link and SSO token', async () => {
    const sdk = fakeSdk({
      initialize: async () => undefined,
      context: { theme: 'contrast', locale: 'da-dk', subPageId: 'from=2026-11-01', tenantId: null, loginHint: null },
    });
    const host = await detectHost({ win: framed(), sdk, prefersDark: false, openWindow: () => undefined, newState: () => 'state-1' });
    expect(host).toMatchObject({ kind: 'teams', theme: 'contrast', locale: 'da-dk', subPageId: 'from=2026-11-01' });
    await expect(host.getToken()).resolves.toBe('sso-token');
    const seen: string[] = [];
    host.onThemeChange((t) => seen.push(t));
    sdk.emitTheme('dark');
    sdk.emitTheme('default');
    expect(seen).toEqual(['dark', 'light']);
  });

  it("uses Teams in Teams' mobile clients, where the tab is a top-level page with the host's native interface", async () => {
    const sdk = fakeSdk({
      initialize: async () => undefined,
      context: { theme: 'dark', locale: 'da-dk', subPageId: null, tenantId: null, loginHint: null },
    });
    const host = await detectHost({ win: teamsMobile(), sdk, prefersDark: false, openWindow: () => undefined, newState: () => 'state-1' });
    expect(host).toMatchObject({ kind: 'teams', theme: 'dark', locale: 'da-dk' });
    await expect(host.getToken()).resolves.toBe('sso-token');
    expect(sdk.calls).toContain('initialize');
  });

  it("opens Teams' sign-in window at /auth-start with the user's tenant and login hint when consent is missing", async () => {
    const tenantId = '6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
    const answers = [Promise.reject(new Error('resourceRequiresConsent')), Promise.resolve('token-after-consent')];
    const sdk = fakeSdk({
      initialize: async () => undefined,
      context: { theme: 'default', locale: 'en-us', subPageId: null, tenantId, loginHint: 'ada@contoso.example' },
      getAuthToken: () => answers.shift()!,
    });
    const host = await detectHost({ win: framed(), sdk, prefersDark: false, openWindow: () => undefined, newState: () => 'state-1' });
    await expect(host.getToken()).resolves.toBe('token-after-consent');
    expect(sdk.calls).toEqual(['initialize', `authenticate /auth-start?state=state-1&tenant=${tenantId}&loginHint=ada%40contoso.example`]);
    expect(host.signIn?.problem).toBeNull();
  });

  it('falls back to a web page when a frame is not Teams', async () => {
    const sdk = fakeSdk({ initialize: () => new Promise<void>(() => undefined) });
    const host = await detectHost({ win: framed(), sdk, prefersDark: false, openWindow: () => undefined, newState: () => 'state-1', timeoutMs: 20 });
    expect(host.kind).toBe('web');
    expect(sdk.calls).toEqual(['initialize']);
  });
});

describe('helpers', () => {
  it('builds the start URL with only what Teams knows', () => {
    expect(authStartUrl({ tenantId: null, loginHint: null }, 'abc')).toBe('/auth-start?state=abc');
  });
  it('maps Teams themes', () => {
    expect(['default', 'dark', 'contrast', 'glass'].map(themeFromTeams)).toEqual(['light', 'dark', 'contrast', 'light']);
  });
  it("sees a frame, and Teams mobile's top-level page", () => {
    expect(mayBeTeams(topLevel())).toBe(false);
    expect(mayBeTeams(framed())).toBe(true);
    expect(mayBeTeams(teamsMobile())).toBe(true);
  });
});
