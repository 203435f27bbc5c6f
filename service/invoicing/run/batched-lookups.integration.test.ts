import type { BcBatchOperation, BcBatchOptions, BcBatchResult } from '../../clients/business-central/bc-batch';
import { batchItemError } from '../../clients/http/json-batch';
import { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { describeEachStore } from '../../store/testing/test-stores';
import { MAX_LIMIT, queryUnbilled } from '../../unbilled';
import { KIT_SCALE, startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
/**
 * More than 5 filters of 20 keys: the key look-up then reads them as the GETs of `$batch`es
 * (findSalesInvoicesBatch) rather than plain GETs.
 */
const INVOICES = 130;
/** Short enough for a test, and quiet longer than several of the emulator's operations. */
const LOST_ANSWER_WAIT = { delaysMs: [100, 200, 400, 800, 1_600, 3_200], quietMs: 400 };

/**
 * An item of a look-up `$batch` answered `status` inside the envelope's 200, as Business Central does
 * when one operation is throttled or fails: the emulator fails whole requests only, so the answer is
 * swapped for the failure the client would have parsed from that item.
 */
function failedItem<T>(result: BcBatchResult<T>, status: 429 | 500 | 503): BcBatchResult<T> {
  const error = batchItemError(
    {
      id: result.id,
      status,
      headers: { 'retry-after': '0' },
      body: { error: { code: status === 429 ? 'Application_TooManyRequests' : 'Internal_ServerError', message: 'injected' } },
    },
    { method: 'GET', url: `$batch item ${result.id}` },
  )!;
  return { id: result.id, ok: false, status, retryable: true, error };
}

/**
 * A kit with enough ended, invoiceable, single-customer appointments for INVOICES invoices (one per
 * appointment), and spies counting the drafts created (operations, however they travel); every item of
 * the first `itemFailures.batches` look-up batches is answered 429, 500 or 503 in turn.
 */
async function bigKit(db: InvoiceKit['db']) {
  const k = await startInvoiceKit(db, { now: NOW, seedScale: { ...KIT_SCALE, customers: 40, daysBack: 30 } });
  k.setSetup({ invoiceGrouping: 'perAppointment' });
  const blocked = new Set(
    k.h.bc.state
      .company(k.h.companyId)!
      .customers.filter((c) => c.blocked === 'All' || c.blocked === 'Invoice')
      .flatMap((c) => c.email.split(';').map((e) => e.trim().toLowerCase())),
  );
  const { rows } = await queryUnbilled(k.db, { businessId: k.h.businessId, state: 'invoiceable', limit: MAX_LIMIT }, { now: k.clock.now(), setup: k.setup });
  const ids = rows.filter((r) => r.customers.length === 1 && !blocked.has(r.customers[0]!.email.trim().toLowerCase())).map((r) => r.id);
  expect(ids.length).toBeGreaterThanOrEqual(INVOICES);

  // On the prototype: the runner works through the company's copy of the harness's client (forCompany).
  const created = { count: 0 };
  const itemFailures = { batches: 0, injected: 0 };
  const batch = BusinessCentralClient.prototype.batch;
  jest.spyOn(BusinessCentralClient.prototype, 'batch').mockImplementation(async function <T>(
    this: BusinessCentralClient,
    operations: ReadonlyArray<BcBatchOperation<T>>,
    options?: BcBatchOptions,
  ) {
    created.count += operations.filter((op) => op.method === 'POST' && op.path.split('?')[0] === 'salesInvoices').length;
    const results = await batch.call(this, operations, options);
    const lookUp = operations.every((op) => op.method === 'GET' && op.path.startsWith('salesInvoices?'));
    if (!lookUp || itemFailures.batches === 0) return results;
    itemFailures.batches -= 1;
    // Batches of more than 5 filters hold 2 each here (7 filters over 5 slots): both items fail.
    const statuses = [429, 500, 503] as const;
    return results.map((result) => {
      if (!result.ok) return result;
      const status = statuses[itemFailures.injected % statuses.length]!;
      itemFailures.injected += 1;
      return failedItem(result, status);
    });
  });
  const createOne = BusinessCentralClient.prototype.createSalesInvoice;
  jest.spyOn(BusinessCentralClient.prototype, 'createSalesInvoice').mockImplementation(function (this: BusinessCentralClient, body) {
    created.count += 1;
    return createOne.call(this, body);
  });
  return { k, ids: ids.slice(0, INVOICES), created, itemFailures };
}

function expectOneDraftPerKey(k: InvoiceKit, keys: readonly string[]) {
  const drafts = k.bcInvoices().map((i) => i.externalDocumentNumber.toUpperCase());
  expect(drafts).toHaveLength(INVOICES);
  expect(new Set(drafts).size).toBe(INVOICES);
  expect([...drafts].sort()).toEqual(keys.map((key) => key.toUpperCase()).sort());
}

describeEachStore('Key look-ups batched over the 5 slots (runs of more than 100 invoices)', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));
  afterEach(() => jest.restoreAllMocks());
  const fresh = async () => {
    const store = await suite.freshTarget().open();
    const big = await bigKit(store.db);
    kits.push(big.k);
    return big;
  };

  it.each(['503', 'reset'] as const)(
    'every create answer lost (%s), then the batched look-up answered 503, reset and 500 and items 429/500/503: each invoice created exactly once',
    async (kind) => {
      const { k, ids, created, itemFailures } = await fresh();
      itemFailures.batches = 2;
      // Every create batch is carried out, its answer lost: the next round must find all of them by key.
      k.h.bc.update({ lostAnswer: { rate: 1, kind, match: 'POST /$batch' } });
      const faultsBefore = k.h.bc.stats().faults;
      const lookups = { batched: 0 };
      const findBatch = BusinessCentralClient.prototype.findSalesInvoicesBatch;
      jest.spyOn(BusinessCentralClient.prototype, 'findSalesInvoicesBatch').mockImplementation(function (this: BusinessCentralClient, filters, options) {
        // The look-up round has begun (no create is in flight): answers come back now, but envelopes
        // fail on chosen requests (503, reset, 500 in turn).
        if (lookups.batched === 0) {
          k.h.bc.update({ lostAnswer: { rate: 0, kind, match: '' }, faultSchedule: { onRequests: [1, 2, 3, 5, 8], kinds: ['503', 'reset', '500'] } });
        }
        lookups.batched += 1;
        return findBatch.call(this, filters, options);
      });

      const result = await k.runner({ lostAnswerWait: LOST_ANSWER_WAIT }).run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab');

      expect(lookups.batched).toBeGreaterThanOrEqual(4);
      expect(k.h.bc.stats().faults - faultsBefore).toBe(5);
      // Items of invoices that exist failed inside a 200 envelope (429, 500, 503, 429): two batches of 2.
      expect(itemFailures.injected).toBe(4);
      expect(result.state).toBe('succeeded');
      expect(result.error).toBeNull();
      expect(result.invoices).toHaveLength(INVOICES);
      expect(result.invoices.map((i) => i.status)).toEqual(result.invoices.map(() => 'verified'));
      expectOneDraftPerKey(
        k,
        result.invoices.map((i) => i.externalDocumentNumber),
      );
      // Found, not sent again: a look-up that took a failed item for "not found" would create it twice.
      expect(created.count).toBe(INVOICES);
    },
    60_000,
  );

  it('a run killed once Business Central answered its creates (answers not stored), resumed in creating, looks every key up first and creates nothing twice', async () => {
    const { k, ids, created, itemFailures } = await fresh();
    const cli = k.runner({
      failAt: (point) => {
        if (point === 'after-create') throw new Error('kill -9');
      },
    });
    const runId = await cli.start({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'cli');
    await cli.wait(runId).catch(() => undefined);
    await cli.idle();
    expect(await cli.getRun(runId)).toMatchObject({ state: 'creating', finished: false });
    const sentBeforeCrash = k.bcInvoices().length;
    expect(sentBeforeCrash).toBeGreaterThan(0);
    expect(created.count).toBe(sentBeforeCrash);

    const lookups = { batched: 0, filters: 0 };
    const findBatch = BusinessCentralClient.prototype.findSalesInvoicesBatch;
    jest.spyOn(BusinessCentralClient.prototype, 'findSalesInvoicesBatch').mockImplementation(function (this: BusinessCentralClient, filters, options) {
      lookups.batched += 1;
      lookups.filters += filters.length;
      return findBatch.call(this, filters, options);
    });
    // Nothing of the dead process's sends is known lost to the new one: a key whose look-up item failed
    // and was taken for "not found" would be created again at once.
    itemFailures.batches = 2;
    k.clock.advance(120_000);
    const app = k.runner();
    const results = await app.resumeInterrupted();
    await app.idle();

    expect(results.map((r) => [r.id, r.state, r.error])).toEqual([[runId, 'succeeded', null]]);
    // The resumed run's first round looked its keys up through batches before creating anything.
    expect(lookups.batched).toBeGreaterThanOrEqual(4);
    expect(itemFailures.injected).toBe(4);
    expectOneDraftPerKey(
      k,
      results[0]!.invoices.map((i) => i.externalDocumentNumber),
    );
    // What had been sent before the crash was adopted, only the rest created.
    expect(created.count).toBe(INVOICES);
    const invoiced = new Set((await k.appointments()).filter((a) => a.state === 'invoiced').map((a) => a.id));
    expect(ids.filter((id) => !invoiced.has(id))).toEqual([]);
  }, 60_000);
});
