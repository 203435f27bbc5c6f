import { detectHost, isFramed, themeFromTeams } from './host';
import type { TeamsContext, TeamsSdk } from './teams-sdk';

function fakeSdk(behaviour: { initialize: () => Promise<void>; context?: TeamsContext }): TeamsSdk & { calls: string[]; emitTheme: (t: string) => void } {
  const calls: string[] = [];
  let themeHandler: (t: string) => void = () => undefined;
  return {
    calls,
    emitTheme: (t) => themeHandler(t),
    initialize: () => {
      calls.push('initialize');
      return behaviour.initialize();
    },
    getContext: async () => behaviour.context ?? { theme: 'default', locale: 'en-us', subPageId: null, appId: null },
    onThemeChange: (h) => {
      themeHandler = h;
    },
    getAuthToken: async () => 'sso-token',
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

describe('detectHost', () => {
  it('runs as a web page at once when not framed, without calling the Teams SDK', async () => {
    const sdk = fakeSdk({ initialize: () => new Promise<void>(() => undefined) });
    const host = await detectHost({ win: topLevel(), sdk, prefersDark: true, openWindow: () => undefined, timeoutMs: 60_000 });
    expect(host.kind).toBe('web');
    expect(host.theme).toBe('dark');
    expect(sdk.calls).toEqual([]);
    await expect(host.getToken()).resolves.toBeNull();
  });

  it('uses Teams when framed and the host answers: theme, locale, deep link and SSO token', async () => {
    const sdk = fakeSdk({
      initialize: async () => undefined,
      context: { theme: 'contrast', locale: 'da-dk', subPageId: 'from=2026-11-01', appId: 'app-1' },
    });
    const host = await detectHost({ win: framed(), sdk, prefersDark: false, openWindow: () => undefined });
    expect(host).toMatchObject({ kind: 'teams', theme: 'contrast', locale: 'da-dk', subPageId: 'from=2026-11-01', appId: 'app-1' });
    await expect(host.getToken()).resolves.toBe('sso-token');
    const seen: string[] = [];
    host.onThemeChange((t) => seen.push(t));
    sdk.emitTheme('dark');
    sdk.emitTheme('default');
    expect(seen).toEqual(['dark', 'light']);
  });

  it('falls back to a web page when a frame is not Teams', async () => {
    const sdk = fakeSdk({ initialize: () => new Promise<void>(() => undefined) });
    const host = await detectHost({ win: framed(), sdk, prefersDark: false, openWindow: () => undefined, timeoutMs: 20 });
    expect(host.kind).toBe('web');
    expect(sdk.calls).toEqual(['initialize']);
  });
});

describe('helpers', () => {
  it('maps Teams themes', () => {
    expect(['default', 'dark', 'contrast', 'glass'].map(themeFromTeams)).toEqual(['light', 'dark', 'contrast', 'light']);
  });
  it('sees a frame', () => {
    expect(isFramed(topLevel())).toBe(false);
    expect(isFramed(framed())).toBe(true);
  });
});
