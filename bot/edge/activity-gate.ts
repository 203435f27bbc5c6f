import { z } from 'zod';
import { isAllowedTenant, type Tenants } from '../../service/identity/tenants';
import { findUnsafeText } from '../../service/domain/safe-text';
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
    channelData: z
      .object({
        tenant: z
          .object({ id: z.string().max(64).optional() })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** The one invoke the bot handles (Action.Execute on its cards); any other name is a 400, not the SDK's 501. */
export const HANDLED_INVOKE_NAMES = ['adaptiveCard/action'] as const;

/** An adaptiveCard/action invoke's value: the SDK answers a malformed one itself, but only after the turn has begun. */
const cardActionValueSchema = z
  .object({
    action: z.object({ type: z.literal('Action.Execute'), verb: z.string().min(1).max(64), data: z.unknown().optional() }).loose(),
    trigger: z.enum(['manual', 'automatic']).optional(),
  })
  .loose();

export type GateVerdict =
  | { ok: true; tenantId: string }
  | { ok: false; status: 400 | 403; reason: string; /** Set for an invoke: the body Teams expects of a refused one. */ invokeError?: InvokeErrorBody };

/** A refused invoke's answer, as Universal Actions define an error response. */
export interface InvokeErrorBody {
  statusCode: 400;
  type: 'application/vnd.microsoft.error';
  value: { code: 'BadRequest'; message: string };
}

const invokeRefusal = (message: string): GateVerdict => ({
  ok: false,
  status: 400,
  reason: message,
  invokeError: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } },
});

/** An invoke's name and value, checked before the SDK would answer 501 (an unknown name) or run a turn on a malformed value. */
function checkInvoke(body: unknown): GateVerdict | undefined {
  const invoke = z.object({ name: z.string().optional(), value: z.unknown().optional() }).loose().safeParse(body).data ?? {};
  if (!(HANDLED_INVOKE_NAMES as readonly (string | undefined)[]).includes(invoke.name)) {
    return invokeRefusal(`This bot does not handle the invoke ${JSON.stringify(invoke.name ?? '')}`);
  }
  if (!cardActionValueSchema.safeParse(invoke.value).success) return invokeRefusal('The card action is not an Action.Execute with a verb');
  return undefined;
}

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
  // PostgreSQL cannot store NUL, and no control character belongs in an id, a name or a command.
  const unsafe = findUnsafeText(body);
  if (unsafe !== undefined) return { ok: false, status: 400, reason: `the activity holds control characters (at ${unsafe.join('.') || 'its root'})` };
  if (!isAllowedServiceUrl(activity.serviceUrl, mode)) return { ok: false, status: 400, reason: 'serviceUrl not allowed' };
  const tenantId = tenantOf(activity);
  if (tenantId === null) return { ok: false, status: 400, reason: 'the conversation and channelData name different tenants' };
  if (!isAllowedTenant(tenants, tenantId)) return { ok: false, status: 403, reason: 'tenant not allowed' };
  if (activity.type === 'invoke') {
    const refused = checkInvoke(body);
    if (refused) return refused;
  }
  return { ok: true, tenantId: tenantId ?? '' };
}
