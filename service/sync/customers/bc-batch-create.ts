import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { BC_BATCH_MAX_OPERATIONS, type BcBatchOperation, type BcBatchResult } from '../../clients/business-central/bc-batch';
import { BC_CONCURRENCY, type BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { HttpError } from '../../clients/http/http-error';
import { inPool } from '../../clients/http/in-pool';
import { chunk } from '../../domain/chunks';

export interface CreateRequest {
  /** The caller's key for the record, unique within one call. */
  key: string;
  body: unknown;
}

export type CreateOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

export interface BatchCreateOptions<T> {
  bc: Pick<BusinessCentralClient, 'batch'>;
  /** The collection POSTed to, relative to the company. */
  collection: 'customers' | 'items';
  schema: z.ZodType<T>;
  entity: string;
  /**
   * After an answer that leaves it open whether Business Central created the records (a 5xx or a
   * broken connection on a POST), finds those that exist now, by key: they are never created twice.
   */
  findCreated(keys: readonly string[]): Promise<Map<string, T>>;
  /**
   * Called with each batch's settled outcomes as soon as it is answered, so the caller commits them;
   * the batches beside it (at most `concurrency` in flight) may still be open.
   */
  onSettled(outcomes: ReadonlyMap<string, CreateOutcome<T>>): Promise<void>;
  /** Called with the keys about to be sent, so the caller can checkpoint what may get created. */
  beforeSend?(keys: readonly string[]): Promise<void>;
  /** Batches in flight at once; default Business Central's 5 per user. */
  concurrency?: number;
  signal?: AbortSignal;
  /** How often a record is offered before giving up on it; default 8. */
  maxRounds?: number;
  /** Wait before a round that repeats throttled records, when Business Central named none; default 500 ms. */
  retryDelayMs?: number;
}

type Verdict<T> = { kind: 'done'; outcome: CreateOutcome<T> } | { kind: 'retry'; waitMs: number } | { kind: 'uncertain' };

/**
 * Creates records through `$batch` (≤ 100 operations each, no snapshot isolation, so one invalid
 * record fails alone), up to `concurrency` batches at once. Throttled operations go again in a later
 * round; operations whose fate is unknown are looked up before they go again. An answer that will not
 * change by repeating it stops new batches and is thrown once the open ones have settled (and been
 * handed to `onSettled`). Returns one outcome per request key.
 */
export async function createInBatches<T>(requests: readonly CreateRequest[], options: BatchCreateOptions<T>): Promise<Map<string, CreateOutcome<T>>> {
  const outcomes = new Map<string, CreateOutcome<T>>();
  const maxRounds = options.maxRounds ?? 8;
  let pending = [...requests];
  for (let round = 1; pending.length > 0 && round <= maxRounds; round++) {
    const retry: CreateRequest[] = [];
    const uncertain: CreateRequest[] = [];
    let waitMs = 0;
    // A batch of 100 is 100 operations one after another in Business Central: side by side they use its 5 slots.
    await inPool(chunk(pending, BC_BATCH_MAX_OPERATIONS), options.concurrency ?? BC_CONCURRENCY, async (batch) => {
      options.signal?.throwIfAborted();
      await options.beforeSend?.(batch.map((r) => r.key));
      const verdicts = await sendChunk(batch, options);
      const settled = new Map<string, CreateOutcome<T>>();
      batch.forEach((request, i) => {
        const verdict = verdicts[i]!;
        if (verdict.kind === 'done') settled.set(request.key, verdict.outcome);
        else if (verdict.kind === 'retry') {
          retry.push(request);
          waitMs = Math.max(waitMs, verdict.waitMs);
        } else uncertain.push(request);
      });
      for (const [key, outcome] of settled) outcomes.set(key, outcome);
      if (settled.size > 0) await options.onSettled(settled);
    });
    if (uncertain.length > 0) {
      const found = await options.findCreated(uncertain.map((r) => r.key));
      const settled = new Map<string, CreateOutcome<T>>();
      for (const request of uncertain) {
        const value = found.get(request.key);
        if (value === undefined) retry.push(request);
        else settled.set(request.key, { ok: true, value });
      }
      for (const [key, outcome] of settled) outcomes.set(key, outcome);
      if (settled.size > 0) await options.onSettled(settled);
    }
    pending = retry;
    if (pending.length > 0 && waitMs > 0 && round < maxRounds) await sleep(waitMs, undefined, { signal: options.signal });
  }
  if (pending.length > 0) {
    const gaveUp = new Map<string, CreateOutcome<T>>(
      pending.map((r) => [r.key, { ok: false, message: `Business Central did not accept it after ${maxRounds} attempts` }]),
    );
    for (const [key, outcome] of gaveUp) outcomes.set(key, outcome);
    await options.onSettled(gaveUp);
  }
  return outcomes;
}

async function sendChunk<T>(chunk: readonly CreateRequest[], options: BatchCreateOptions<T>): Promise<Verdict<T>[]> {
  const operations: BcBatchOperation<T>[] = chunk.map((r) => ({
    method: 'POST',
    path: options.collection,
    body: r.body,
    schema: options.schema,
    entity: options.entity,
  }));
  let results: BcBatchResult<T>[];
  try {
    results = await options.bc.batch(operations);
  } catch (error) {
    const verdict = envelopeVerdict<T>(error, options.retryDelayMs ?? 500);
    return chunk.map(() => verdict);
  }
  return results.map((result) => itemVerdict(result, options.retryDelayMs ?? 500));
}

/** The whole `$batch` failed: turned away before any work, unknown, or refused for good (thrown). */
function envelopeVerdict<T>(error: unknown, defaultWaitMs: number): Verdict<T> {
  if (!(error instanceof HttpError)) throw error;
  switch (error.reason) {
    case 'throttled':
      return { kind: 'retry', waitMs: error.retryAfterMs ?? defaultWaitMs };
    // A 503 of the envelope may come after Business Central did the work: look before sending again.
    case 'unavailable':
    case 'server':
    case 'network':
    case 'timeout':
    case 'invalid-response':
      return { kind: 'uncertain' };
    case 'client':
    case 'auth':
    case 'not-found':
    case 'conflict':
      throw error;
  }
}

function itemVerdict<T>(result: BcBatchResult<T>, defaultWaitMs: number): Verdict<T> {
  if (result.ok) return { kind: 'done', outcome: { ok: true, value: result.value } };
  // A success status whose body did not parse, or a 5xx (a 503 too, as of the envelope): the record may exist.
  if (result.status < 400 || result.status >= 500) return { kind: 'uncertain' };
  if (result.retryable) return { kind: 'retry', waitMs: result.error.retryAfterMs ?? defaultWaitMs };
  return { kind: 'done', outcome: { ok: false, message: result.error.serviceMessage ?? result.error.message } };
}
