import { describeEachStore } from '../../store/testing/test-stores';
import { invoiceSignature, startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';
import type { RunResult } from './run-schemas';

/** Chunks far smaller than the kit's run: plan slices, claim transactions and verify pages of 2. */
const SMALL_CHUNKS = 2;

describeEachStore('InvoiceRunner: a run bigger than its chunks', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));
  const kit = async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db);
    kits.push(k);
    return k;
  };
  // Every ended appointment still unbilled: invoiceable ones, group classes of several attendees, and ones left out with their reasons.
  const everything = async (k: InvoiceKit) => ({
    kind: 'ids' as const,
    appointmentIds: (await k.appointments()).filter((a) => a.state === 'unbilled' && Date.parse(a.end_utc) < k.clock.now().getTime()).map((a) => a.id),
  });
  const outcome = (k: InvoiceKit, result: RunResult) => ({
    state: result.state,
    invoices: invoiceSignature(k.bcInvoices()),
    created: k.bcInvoices().length,
    keys: new Set(k.bcInvoices().map((i) => i.externalDocumentNumber)).size,
    skipped: result.skipped.map((s) => `${s.appointmentId}|${s.customerEmail ?? ''}|${s.reason}`).sort(),
  });

  it('makes the same invoices with the same creates in chunks as in one', async () => {
    const whole = await kit();
    const wholeSelection = await everything(whole);
    const expected = outcome(whole, await whole.runner().run(wholeSelection, 'anna@contoso.com', 'tab'));
    expect(expected.created).toBeGreaterThan(SMALL_CHUNKS * 3);

    const chunked = await kit();
    const selection = await everything(chunked);
    expect(selection.appointmentIds).toEqual(wholeSelection.appointmentIds);
    const result = await chunked.runner({ chunkSize: SMALL_CHUNKS }).run(selection, 'anna@contoso.com', 'tab');
    const got = outcome(chunked, result);
    expect(got).toEqual(expected);
    expect(got.keys).toBe(got.created);
    // Each chunk's invoices placed after the last one's: the run's order has no gaps and no repeats.
    const positions = await chunked.db.selectFrom('invoices').select('position').where('run_id', '=', result.id).orderBy('position').execute();
    expect(positions.map((p) => p.position)).toEqual(Array.from({ length: result.invoices.length }, (_, i) => i));
  });

  it('a run killed between two chunks of its claim is claimed again from the start when resumed', async () => {
    const clean = await kit();
    const uninterrupted = await clean.runner().run(await everything(clean), 'anna@contoso.com', 'tab');
    const expected = invoiceSignature(clean.bcInvoices());

    const k = await kit();
    let killed = false;
    const dying = k.runner({
      chunkSize: SMALL_CHUNKS,
      failAt: (point) => {
        if (point === 'mid-claim' && !killed) {
          killed = true;
          throw new Error('killed');
        }
      },
    });
    await expect(dying.run(await everything(k), 'anna@contoso.com', 'tab')).rejects.toThrow('killed at mid-claim');
    await dying.idle();
    // Part claimed: the first chunk's invoices and appointments, the run still 'planned'.
    const partial = await k.db.selectFrom('invoices').select('id').execute();
    expect(partial.length).toBeGreaterThan(0);
    k.clock.advance(31_000);
    const resumed = await k.runner({ chunkSize: SMALL_CHUNKS }).resumeInterrupted();
    expect(resumed).toHaveLength(1);
    expect(resumed[0]!.state).toBe(uninterrupted.state);
    expect(invoiceSignature(k.bcInvoices())).toEqual(expected);
    const reasons = (r: RunResult) => r.skipped.map((s) => `${s.appointmentId}|${s.customerEmail ?? ''}|${s.reason}`).sort();
    expect(reasons(resumed[0]!)).toEqual(reasons(uninterrupted));
    const planned = await k.db.selectFrom('invoices').select('id').where('run_id', '=', resumed[0]!.id).execute();
    expect(planned).toHaveLength(resumed[0]!.invoices.length);
  });
});
