import { z } from 'zod';
import type { BcBatchOperation, BcBatchResult } from '../../clients/business-central/bc-batch';
import { HttpError } from '../../clients/http/http-error';
import { createInBatches, type CreateOutcome } from './bc-batch-create';

const schema = z.object({ id: z.string() });
type Created = z.infer<typeof schema>;

/** A fake `$batch`: `answer` decides each call; `created` is what "Business Central" holds. */
function fakeBc(answer: (call: number, ops: ReadonlyArray<BcBatchOperation<Created>>, created: Map<string, Created>) => BcBatchResult<Created>[]) {
  const created = new Map<string, Created>();
  const sizes: number[] = [];
  return {
    created,
    sizes,
    bc: {
      batch: async <T>(ops: ReadonlyArray<BcBatchOperation<T>>): Promise<BcBatchResult<T>[]> => {
        sizes.push(ops.length);
        return answer(sizes.length, ops as ReadonlyArray<BcBatchOperation<Created>>, created) as unknown as BcBatchResult<T>[];
      },
    },
  };
}

const keyOf = (op: BcBatchOperation<Created>) => (op.body as { key: string }).key;
const ok = (op: BcBatchOperation<Created>, created: Map<string, Created>, i: number): BcBatchResult<Created> => {
  const value = { id: `bc-${keyOf(op)}` };
  created.set(keyOf(op), value);
  return { id: String(i + 1), ok: true, status: 201, value };
};
const requests = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, body: { key: `k${i}` } }));

async function run(fake: ReturnType<typeof fakeBc>, n: number) {
  const settledCalls: Array<ReadonlyMap<string, CreateOutcome<Created>>> = [];
  const outcomes = await createInBatches(requests(n), {
    bc: fake.bc,
    collection: 'customers',
    schema,
    entity: 'customer',
    retryDelayMs: 1,
    findCreated: async (keys) => new Map(keys.flatMap((k) => (fake.created.has(k) ? [[k, fake.created.get(k)!] as const] : []))),
    onSettled: async (settled) => void settledCalls.push(settled),
  });
  return { outcomes, settledCalls };
}

describe('createInBatches', () => {
  it('sends at most 100 operations per $batch and commits after each', async () => {
    const fake = fakeBc((_, ops, created) => ops.map((op, i) => ok(op, created, i)));
    const { outcomes, settledCalls } = await run(fake, 250);
    expect(fake.sizes).toEqual([100, 100, 50]);
    expect(settledCalls.map((s) => s.size)).toEqual([100, 100, 50]);
    expect([...outcomes.values()].every((o) => o.ok)).toBe(true);
  });

  it('finds what a failed envelope created instead of creating it again', async () => {
    // The first envelope is carried out but answers 500: the records exist, the answer is lost.
    const fake = fakeBc((call, ops, created) => {
      const results = ops.map((op, i) => ok(op, created, i));
      if (call === 1) throw new HttpError('server', { status: 500 });
      return results;
    });
    const { outcomes } = await run(fake, 3);
    expect(fake.sizes).toEqual([3]);
    expect(outcomes.get('k1')).toEqual({ ok: true, value: { id: 'bc-k1' } });
  });

  it('finds what an operation answered 503 created instead of creating it again', async () => {
    // The operation is carried out, then answered 503: the record exists, the answer says nothing of it.
    const fake = fakeBc((call, ops, created) =>
      ops.map((op, i): BcBatchResult<Created> => {
        const done = ok(op, created, i);
        return keyOf(op) === 'k1' && call === 1
          ? { id: String(i + 1), ok: false, status: 503, retryable: true, error: new HttpError('unavailable', { status: 503, retryAfterMs: 1 }) }
          : done;
      }),
    );
    const { outcomes } = await run(fake, 3);
    expect(fake.sizes).toEqual([3]);
    expect(outcomes.get('k1')).toEqual({ ok: true, value: { id: 'bc-k1' } });
  });

  it('repeats throttled operations in a later batch and records refusals without repeating them', async () => {
    const fake = fakeBc((call, ops, created) =>
      ops.map((op, i): BcBatchResult<Created> => {
        const key = keyOf(op);
        if (key === 'k0')
          return {
            id: String(i + 1),
            ok: false,
            status: 400,
            retryable: false,
            error: new HttpError('client', { status: 400, serviceMessage: 'Email is not valid' }),
          };
        if (key === 'k1' && call === 1)
          return { id: String(i + 1), ok: false, status: 429, retryable: true, error: new HttpError('throttled', { status: 429 }) };
        return ok(op, created, i);
      }),
    );
    const { outcomes } = await run(fake, 3);
    expect(fake.sizes).toEqual([3, 1]);
    expect(outcomes.get('k0')).toEqual({ ok: false, message: 'Email is not valid' });
    expect(outcomes.get('k1')).toEqual({ ok: true, value: { id: 'bc-k1' } });
  });

  it("keeps Business Central's 5 slots busy: batches go side by side, each settled as it is answered", async () => {
    // Each batch waits until the test answers it, so what is in flight at once is seen exactly.
    const open: Array<() => void> = [];
    let inFlight = 0;
    let most = 0;
    const fake = fakeBc(() => []);
    fake.bc.batch = async <T>(ops: ReadonlyArray<BcBatchOperation<T>>): Promise<BcBatchResult<T>[]> => {
      fake.sizes.push(ops.length);
      most = Math.max(most, ++inFlight);
      await new Promise<void>((resolve) => open.push(resolve));
      inFlight--;
      return ops.map((op, i) => ok(op as BcBatchOperation<Created>, fake.created, i)) as unknown as BcBatchResult<T>[];
    };
    const running = run(fake, 1_250);
    const answerOldest = async () => {
      while (open.length === 0) await new Promise((resolve) => setImmediate(resolve));
      open.shift()!();
    };
    for (let answered = 0; answered < 13; answered++) await answerOldest();
    const { outcomes, settledCalls } = await running;
    expect(most).toBe(5);
    expect(fake.sizes).toEqual([...Array<number>(12).fill(100), 50]);
    expect(settledCalls).toHaveLength(13);
    expect(outcomes.size).toBe(1_250);
    expect([...outcomes.values()].every((o) => o.ok)).toBe(true);
  });

  it('stops sending on an answer that will not change, and settles the batches still open before failing', async () => {
    let calls = 0;
    const fake = fakeBc(() => []);
    fake.bc.batch = async <T>(ops: ReadonlyArray<BcBatchOperation<T>>): Promise<BcBatchResult<T>[]> => {
      const call = ++calls;
      fake.sizes.push(ops.length);
      if (call === 1) throw new HttpError('auth', { status: 401 });
      // The batches beside the refused one are answered after it.
      await new Promise((resolve) => setImmediate(resolve));
      return ops.map((op, i) => ok(op as BcBatchOperation<Created>, fake.created, i)) as unknown as BcBatchResult<T>[];
    };
    const settled: string[] = [];
    await expect(
      createInBatches(requests(1_000), {
        bc: fake.bc,
        collection: 'customers',
        schema,
        entity: 'customer',
        findCreated: async () => new Map(),
        onSettled: async (outcomes) => void settled.push(...outcomes.keys()),
      }),
    ).rejects.toMatchObject({ reason: 'auth' });
    // Five went out together; after the refusal no sixth was sent, and the four others' creations were recorded.
    expect(fake.sizes).toEqual([100, 100, 100, 100, 100]);
    expect(settled).toHaveLength(400);
    expect(new Set(settled)).toEqual(new Set(fake.created.keys()));
  });

  it('fails the phase on an answer that will not change by repeating it', async () => {
    const fake = fakeBc(() => {
      throw new HttpError('auth', { status: 401 });
    });
    await expect(run(fake, 2)).rejects.toMatchObject({ reason: 'auth' });
  });
});
