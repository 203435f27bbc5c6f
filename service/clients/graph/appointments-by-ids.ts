import { chunk } from '../../domain/chunks';
import type { Logger } from '../../logging/logger';
import type { HttpClient } from '../http/http-client';
import { HttpError } from '../http/http-error';
import { batchItemError, jsonBatchResponseSchema, type JsonBatchItemResponse, type JsonBatchRequestItem } from '../http/json-batch';
import { parseBody } from '../http/parse-body';
import type { InvalidRecord } from '../http/parse-records';
import { delayBeforeRetry, isRetryable } from '../http/retry-policy';
import type { BookingAppointment } from './schemas/booking-appointment';
import { parseAppointments } from './schemas/booking-appointment-fast';
import { graphPathSegment } from './path-segment';

/**
 * Graph runs a batch's items in parallel against the mailbox, which allows 4 concurrent requests, so a
 * batch holds at most 4 items (Graph's own limit is 20).
 */
export const GRAPH_BATCH_MAX_ITEMS = 4;

export interface AppointmentsByIds {
  /** Every id asked for: the appointment, or null when Bookings no longer has it (404). */
  appointments: Map<string, BookingAppointment | null>;
  invalid: InvalidRecord[];
}

interface Context {
  http: HttpClient;
  baseUrl: string;
  businessId: string;
  mailboxKey: string;
  logger?: Logger;
}

interface Retry {
  id: string;
  error: HttpError;
}

function itemPath(businessId: string, appointmentId: string): string {
  return `/solutions/bookingBusinesses/${graphPathSegment(businessId)}/appointments/${graphPathSegment(appointmentId)}`;
}

/**
 * Reads appointments by id through `$batch`, 4 per batch. Items that answer 429/503/5xx inside the
 * 200 envelope go again in a later round, after their `Retry-After` (else backoff), within the same
 * attempt and delay budget as a single request.
 */
export async function getAppointmentsByIds(ctx: Context, ids: readonly string[]): Promise<AppointmentsByIds> {
  const appointments = new Map<string, BookingAppointment | null>();
  const invalid: InvalidRecord[] = [];
  const options = ctx.http.retryOptions;
  let pending = [...new Set(ids)];
  let waited = 0;
  for (let round = 1; pending.length > 0; round++) {
    const retries: Retry[] = [];
    await Promise.all(
      chunk(pending, GRAPH_BATCH_MAX_ITEMS).map(async (part) => {
        const responses = await sendBatch(ctx, part);
        for (const id of part) {
          const item = responses.get(id);
          const outcome = item ? readItem(ctx, id, item) : missingItem(ctx, id);
          if (outcome.kind === 'found') {
            const parsed = parseAppointments([outcome.body]);
            const [appointment] = parsed.records;
            if (appointment) appointments.set(id, appointment);
            else invalid.push(...parsed.invalid.map((r) => ({ ...r, id: r.id ?? id })));
          } else if (outcome.kind === 'gone') {
            appointments.set(id, null);
          } else if (isRetryable(outcome.error, { method: 'GET' })) {
            retries.push({ id, error: outcome.error });
          } else {
            throw outcome.error;
          }
        }
      }),
    );
    const [first] = retries;
    if (!first) break;
    if (round >= options.maxAttempts) throw first.error.withAttempts(round);
    const delay = Math.max(...retries.map((r) => delayBeforeRetry(round, r.error.retryAfterMs, options)));
    if (waited + delay > options.maxTotalDelayMs) throw first.error.withAttempts(round);
    ctx.logger?.warn({ items: retries.length, round, delayMs: delay }, 'retrying throttled $batch items');
    waited += delay;
    await options.sleep(delay);
    pending = retries.map((r) => r.id);
  }
  return { appointments, invalid };
}

async function sendBatch(ctx: Context, appointmentIds: string[]): Promise<Map<string, JsonBatchItemResponse>> {
  const requests: JsonBatchRequestItem[] = appointmentIds.map((id) => ({ id, method: 'GET', url: itemPath(ctx.businessId, id) }));
  const request = {
    method: 'POST' as const,
    url: `${ctx.baseUrl}/$batch`,
    body: { requests },
    // Only reads inside: repeating the envelope is harmless.
    idempotent: true,
    limit: { key: ctx.mailboxKey, weight: requests.length },
  };
  const response = await ctx.http.send(request);
  const envelope = parseBody(jsonBatchResponseSchema, response.body, '$batch response', request);
  return new Map(envelope.responses.map((r) => [r.id, r]));
}

type ItemOutcome = { kind: 'found'; body: unknown } | { kind: 'gone' } | { kind: 'failed'; error: HttpError };

function readItem(ctx: Context, id: string, item: JsonBatchItemResponse): ItemOutcome {
  const error = batchItemError(item, { method: 'GET', url: `$batch item ${itemPath(ctx.businessId, id)}` }, ctx.http.retryOptions.now());
  if (!error) return { kind: 'found', body: item.body };
  return error.reason === 'not-found' ? { kind: 'gone' } : { kind: 'failed', error };
}

function missingItem(ctx: Context, id: string): ItemOutcome {
  return {
    kind: 'failed',
    error: new HttpError('invalid-response', { request: { method: 'POST', url: `${ctx.baseUrl}/$batch` } }, `no response for item ${id}`),
  };
}
