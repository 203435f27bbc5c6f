import type { Request, Response } from 'botbuilder';
import type { CloudAdapter } from 'botbuilder';
import type restify from 'restify';
import type { BookingsBot } from './bookings-bot';
import { readJsonBody } from './read-json-body';

/** POST /api/messages: the Bot Framework endpoint Teams (or the Agents Playground) calls. */
export function mountBot(server: restify.Server, adapter: CloudAdapter, bot: BookingsBot): void {
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await readJsonBody(req);
    await adapter.process(req as unknown as Request, res as unknown as Response, (context) => bot.run(context));
  });
}
