import type { Response } from 'botbuilder';
import type restify from 'restify';
import type { Tenants } from '../../service/identity/tenants';
import type { Logger } from '../../service/logging/logger';
import { gateActivity } from './activity-gate';
import type { BookingsBot } from './bookings-bot';
import type { BotAdapter } from './create-adapter';
import { readActivityBody } from './read-json-body';

/** What the endpoint checks itself, before and without the Bot Framework SDK. */
export interface BotGate {
  tenants: Tenants;
  mode: 'sandbox' | 'live';
  logger: Logger;
}

/** The SDK's side: the adapter that verifies tokens and runs turns, and the bot a turn runs. */
export interface BotTurns extends BotAdapter {
  bot: BookingsBot;
}

const isJson = (type: string | undefined) => /^application\/json\s*(;|$)/i.test(type ?? '');

/**
 * POST /api/messages, the Bot Framework endpoint Teams (or the Agents Playground) calls. In order:
 * JSON only; the Bot Framework token before a byte of the body is read; the body capped; the
 * activity's shape, serviceUrl and tenant checked; only then the adapter (which verifies the token
 * again against the activity) runs the turn. `turns` is asked for at each request (the process loads
 * the SDK at the first one, see lazy-bot-stack.ts), always before the token check.
 */
export function mountBot(server: restify.Server, gate: BotGate, turns: () => Promise<BotTurns>): void {
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const refuse = (status: number, reason: string, body: unknown = { error: { code: 'refused', message: reason } }) => {
      gate.logger.warn({ status, reason }, 'activity refused');
      // A refused request's unread body is not drained: the connection closes after the answer.
      res.setHeader('connection', 'close');
      res.send(status, body);
    };
    if (!isJson(req.headers['content-type'])) return refuse(415, 'send the activity as application/json');
    const { adapter, authenticate, bot } = await turns();
    if (authenticate) {
      try {
        await authenticate(req.headers.authorization ?? '');
      } catch {
        return refuse(401, 'a valid Bot Framework token is required');
      }
    }
    const read = await readActivityBody(req);
    if (!read.ok) return refuse(read.status, read.reason);
    const verdict = gateActivity(read.body, gate.tenants, gate.mode);
    if (!verdict.ok) return refuse(verdict.status, verdict.reason, verdict.invokeError);
    (req as unknown as { body: unknown }).body = read.body;
    await adapter.process(req, res as unknown as Response, (context) => bot.run(context));
  });
}
