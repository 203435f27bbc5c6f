import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { manifestCommandLists } from '../../bot/commands';
import { UNBILLED_TAB_ENTITY_ID } from '../../bot/cards/deep-link';
import { PROJECT_ROOT } from '../../service/config/config';
import { pageFromPath } from '../../tabs/src/app/route';
import { isConfigurePath } from '../../tabs/src/pages/configure/channel-tab';
import { AppPackageError, buildAppPackage } from './build-app-package';
import { iconProblems } from './icon-checks';
import { schemaErrors } from './manifest-schema';
import { TEST_ENV } from './testing/test-env';

const scratchRoots: string[] = [];
afterAll(() => {
  for (const root of scratchRoots) rmSync(root, { recursive: true, force: true });
});

/** A copy of appPackage/ in a scratch root, so the build writes nowhere near the repository. */
function scratchRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
  scratchRoots.push(root);
  cpSync(path.join(PROJECT_ROOT, 'appPackage'), path.join(root, 'appPackage'), { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
  return root;
}

const builtManifest = z.object({
  manifestVersion: z.string(),
  id: z.string(),
  staticTabs: z.array(z.object({ entityId: z.string(), contentUrl: z.string(), websiteUrl: z.string() })),
  configurableTabs: z.array(z.object({ configurationUrl: z.string() })),
  bots: z.array(z.object({ botId: z.string(), commandLists: z.array(z.unknown()) })),
  validDomains: z.array(z.string()),
  webApplicationInfo: z.object({ id: z.string(), resource: z.string() }),
});

describe('npm run package', () => {
  const root = scratchRoot();
  const built = buildAppPackage(root, 'test', TEST_ENV);
  // Read back through the zip's central directory, as Teams reads it.
  const archive = Object.entries(unzipSync(readFileSync(built.zipPath))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
  const file = (name: string) => {
    const entry = archive.find((e) => e.name === name);
    if (entry === undefined) throw new Error(`${name} is not in the zip`);
    return entry.data;
  };
  const raw: unknown = JSON.parse(file('manifest.json').toString('utf8'));
  const manifest = builtManifest.parse(raw);

  it('writes appPackage/build/appPackage.<env>.zip holding the manifest, both icons and the Danish strings, flat', () => {
    expect(path.relative(root, built.zipPath)).toBe(path.join('appPackage', 'build', 'appPackage.test.zip'));
    expect(archive.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png', 'da.json']);
  });

  it('fills every placeholder from the environment: ids, the tab host, SSO', () => {
    expect(file('manifest.json').toString('utf8')).not.toContain('${{');
    expect(manifest.id).toBe(TEST_ENV.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(TEST_ENV.BOT_ID);
    expect(manifest.validDomains).toEqual([TEST_ENV.TAB_DOMAIN]);
    expect(manifest.webApplicationInfo).toEqual({
      id: TEST_ENV.AAD_APP_CLIENT_ID,
      resource: `api://${TEST_ENV.TAB_DOMAIN}/${TEST_ENV.AAD_APP_CLIENT_ID}`,
    });
  });

  it("validates against Microsoft's schema for its manifestVersion, read offline from @microsoft/app-manifest", () => {
    expect(manifest.manifestVersion).toBe('1.22');
    expect(schemaErrors(raw, 'manifest', manifest.manifestVersion)).toEqual([]);
    // The schema is really applied: an id that is not a GUID is refused.
    expect(schemaErrors({ ...(raw as object), id: 'not-a-guid' }, 'manifest', manifest.manifestVersion).join()).toMatch(/^\/id /);
  });

  it('carries a color icon of 192x192 and a white outline icon of 32x32 on a transparent background', () => {
    const color = PNG.sync.read(file('color.png'));
    const outline = PNG.sync.read(file('outline.png'));
    expect([color.width, color.height, outline.width, outline.height]).toEqual([192, 192, 32, 32]);
    expect(iconProblems('color', file('color.png'))).toEqual([]);
    expect(iconProblems('outline', file('outline.png'))).toEqual([]);
    expect(iconProblems('outline', file('color.png'))).toEqual([
      'must be 32x32, is 192x192',
      'must have a transparent background',
      'must be white: 29440 pixels are another colour',
    ]);
  });

  it('has a Danish localization valid against its schema, with every bot command in Danish', () => {
    const da = JSON.parse(file('da.json').toString('utf8')) as Record<string, string>;
    expect(schemaErrors(da, 'localization', manifest.manifestVersion)).toEqual([]);
    const commands = manifestCommandLists('da').flatMap((list, i) => list.commands.map((c, j) => [`bots[0].commandLists[${i}].commands[${j}]`, c] as const));
    for (const [key, command] of commands) {
      expect([da[`${key}.title`], da[`${key}.description`]]).toEqual([command.title, command.description]);
    }
    expect(Object.keys(da).filter((k) => k.startsWith('staticTabs'))).toEqual(manifest.staticTabs.map((_, i) => `staticTabs[${i}].name`));
  });

  it('lists only commands the bot understands and tabs the tab app has', () => {
    expect(manifest.bots[0]?.commandLists).toEqual(manifestCommandLists('en'));
    const pages = manifest.staticTabs.map((tab) => [tab.entityId, pageFromPath(new URL(tab.contentUrl).pathname)]);
    expect(pages).toEqual([
      ['unbilled', 'unbilled'],
      ['setup', 'setup'],
    ]);
    expect(manifest.staticTabs[0]?.entityId).toBe(UNBILLED_TAB_ENTITY_ID);
    expect(manifest.configurableTabs.map((t) => isConfigurePath(new URL(t.configurationUrl).pathname))).toEqual([true]);
  });

  it('builds the same bytes from the same inputs, every entry dated at the zip epoch', () => {
    const bytes = readFileSync(built.zipPath);
    expect(readFileSync(buildAppPackage(root, 'test', TEST_ENV).zipPath)).toEqual(bytes);
    // The first local header's DOS time and date: 00:00 on 1980-01-01, never the build's clock.
    expect([bytes.readUInt32LE(0), bytes.readUInt16LE(10), bytes.readUInt16LE(12)]).toEqual([0x04034b50, 0, (1 << 5) | 1]);
  });
});

describe('npm run package without provisioned values', () => {
  it('names every placeholder without a value, and where to set it', () => {
    const { BOT_ID: _bot, TAB_DOMAIN: _domain, ...partial } = TEST_ENV;
    expect(() => buildAppPackage(scratchRoot(), 'dev', partial)).toThrow(
      new AppPackageError(
        "appPackage/manifest.json: no value for BOT_ID, TAB_DOMAIN; set them in env/.env.dev (secrets in env/.env.dev.user) or the environment, or run the toolkit's provision",
      ),
    );
  });

  it('refuses a value the schema does not allow, naming the field', () => {
    expect(() => buildAppPackage(scratchRoot(), 'dev', { ...TEST_ENV, TEAMS_APP_ID: 'my-app' })).toThrow(/manifest\.json \/id must match pattern/);
  });
});
