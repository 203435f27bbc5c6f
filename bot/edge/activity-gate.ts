import { z } from 'zod';
import { isAllowedTenant, type Tenants } from '../../service/identity/tenants';
import { isAllowedServiceUrl } from './service-urls';

/** The activity types the bot acts on; anything else is acknowledged and dropped before any handler runs. */
export const HANDLED_ACTIVITY_TYPES = ['message', 'invoke', 'conversationUpdate', 'installationUpdate'] as const;

/** What every activity must carry before a handler may look at it. */
const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().min(1).max(2048),
    conversation: z.object({ id: z.string().min(1).max(1024), tenantId: z.string().max(64).optional() }).loose(),
    from: z.object({ id: z.string().min(1).max(1024), aadObjectId: z.string().max(64).optional() }).loose(),
    recipient: z.object({ id: z.string().min(1).max(1024) }).loose(),
    channelData: z.object({ tenant: z.object({ id: z.string().max(64).optional() }).loose().optional() }).loose().optional(),
  })
  .loose();

export type GateVerdict = { ok: true; tenantId: string } | { ok: false; status: 400 | 403; reason: string };

/** The activity's tenant: Teams puts it on the conversation and in channelData; they must agree. */
function tenantOf(activity: z.infer<typeof activitySchema>): string | undefined | null {
  const a = activity.conversation.tenantId?.toLowerCase();
  const b = activity.channelData?.tenant?.id?.toLowerCase();
  if (a !== undefined && b !== undefined && a !== b) return null;
  return a ?? b;
}

/**
 * Checked before the adapter runs a turn, so nothing of an activity from a tenant not allowed is
 * read or stored, and nothing is ever sent to a serviceUrl that is not the Bot Framework's.
 */
export function gateActivity(body: unknown, tenants: Tenants, mode: 'sandbox' | 'live'): GateVerdict {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, reason: 'not a Bot Framework activity' };
  const activity = parsed.data;
  if (!isAllowedServiceUrl(activity.serviceUrl, mode)) return { ok: false, status: 400, reason: 'serviceUrl not allowed' };
  const tenantId = tenantOf(activity);
  if (tenantId === null) return { ok: false, status: 400, reason: 'the conversation and channelData name different tenants' };
  if (!isAllowedTenant(tenants, tenantId)) return { ok: false, status: 403, reason: 'tenant not allowed' };
  return { ok: true, tenantId: tenantId ?? '' };
}
