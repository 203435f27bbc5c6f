import { z } from 'zod';
import type { TabLinkOptions } from '../cards';

const settingsSchema = z.object({
  /** The Teams app id (the manifest's id) that cards' deep links open. */
  TEAMS_APP_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]+$/)
    .default('00000000-0000-0000-0000-000000000000'),
  /** Where the tab is served; the fallback of the deep links. */
  TAB_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
});

/** Where cards' "Open Unbilled Bookings" leads: the manifest's app id and the tab's own page. */
export function readTabLinks(env: Record<string, string | undefined>, port: number): TabLinkOptions {
  const e = settingsSchema.parse({ TEAMS_APP_ID: env['TEAMS_APP_ID'] || undefined, TAB_ENDPOINT: env['TAB_ENDPOINT'] || undefined });
  const origin = (e.TAB_ENDPOINT ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return { appId: e.TEAMS_APP_ID, webUrl: `${origin}/tab/unbilled` };
}
