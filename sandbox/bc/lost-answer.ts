import { z } from 'zod';
import type { RouteResponse } from '../http/router';
import { BcError, errorResponse } from './errors';

/**
 * A lost answer: the request is carried out in full, then the client gets a 503 or a dropped
 * connection instead of the result (a gateway timing out, a connection reset on the way back).
 * Unlike `faultRate`, which refuses before any work, this leaves the change behind: the case that
 * makes repeating a create dangerous.
 */
export const lostAnswerSchema = z.strictObject({
  rate: z.number().min(0).max(1),
  kind: z.enum(['503', 'reset']),
  /** Only requests whose method and path (relative to the API root, e.g. `POST /$batch`) start with this; '' for all. */
  match: z.string(),
});
export type LostAnswer = z.infer<typeof lostAnswerSchema>;

export const noLostAnswers: LostAnswer = { rate: 0, kind: '503', match: '' };

/** What the client gets instead of `done`, or undefined to answer normally. */
export function loseAnswer(
  settings: LostAnswer,
  method: string,
  relative: string,
  random: () => number,
  correlationId: () => string,
): RouteResponse | 'reset' | undefined {
  if (settings.rate <= 0 || !`${method} ${relative}`.startsWith(settings.match)) return undefined;
  if (settings.rate < 1 && random() >= settings.rate) return undefined;
  if (settings.kind === 'reset') return 'reset';
  return errorResponse(
    new BcError(503, 'ServiceUnavailable', 'The service is temporarily unavailable (answer lost after the work, injected by the emulator).'),
    correlationId(),
  );
}
