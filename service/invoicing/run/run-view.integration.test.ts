import { describeEachStore } from '../../store/testing/test-stores';
import { readRun, readRunSummary } from './run-view';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

describeEachStore('the run summary: what a face polls', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));

  it('is the run without its invoices: the same state, counts, totals and progress, and how many invoices stand in each status', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db);
    kits.push(k);
    const ended = (await k.ended('Fysioterapi, opfølgning')).slice(0, 4);
    expect(ended.length).toBeGreaterThanOrEqual(3);
    const result = await k.runner().run({ kind: 'ids', appointmentIds: ended.map((a) => a.id) }, 'anna@contoso.com', 'tab');
    expect(result.invoices.length).toBeGreaterThanOrEqual(3);

    const full = await readRun(store.db, result.id);
    const summary = await readRunSummary(store.db, result.id);
    const { invoices, skipped, ...rest } = full;
    expect(summary).toEqual({ ...rest, byStatus: { verified: invoices.length }, skippedCount: skipped.length });
    expect(summary).not.toHaveProperty('invoices');
    expect(summary.counts.invoices).toBe(invoices.length);
    expect(summary.totals).toEqual([{ currency: 'DKK', minor: invoices.reduce((sum, i) => sum + i.amount.minor, 0) }]);
  });
});
