import { z } from 'zod';
import type { TabLinkOptions } from '../cards';

const appIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]+$/);

const settingsSchema = z.object({
  /** The Teams app id (the manifest's id): what deep links name for an app uploaded as a custom app. */
  TEAMS_APP_ID: appIdSchema.default('00000000-0000-0000-0000-000000000000'),
  /**
   * The id the org catalog gave the app (`atk publish` writes it): Teams' deep links name an app
   * submitted to the org catalog by this id, not by its manifest's ("Deep link to an application", app
   * ID types), so once it is set cards' links open the app people installed from the catalog.
   */
  TEAMS_APP_PUBLISHED_APP_ID: appIdSchema.optional(),
  /** Where the tab is served; the fallback of the deep links. */
  TAB_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
});

/** Where cards' "Open Unbilled Bookings" leads: the app's id in Teams and the tab's own page. */
export function readTabLinks(env: Record<string, string | undefined>, port: number): TabLinkOptions {
  const e = settingsSchema.parse({
    TEAMS_APP_ID: env['TEAMS_APP_ID'] || undefined,
    TEAMS_APP_PUBLISHED_APP_ID: env['TEAMS_APP_PUBLISHED_APP_ID'] || undefined,
    TAB_ENDPOINT: env['TAB_ENDPOINT'] || undefined,
  });
  const origin = (e.TAB_ENDPOINT ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return { appId: e.TEAMS_APP_PUBLISHED_APP_ID ?? e.TEAMS_APP_ID, webUrl: `${origin}/tab/unbilled` };
}
