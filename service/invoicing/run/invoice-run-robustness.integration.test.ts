import { describeEachStore } from '../../store/testing/test-stores';
import { FAIL_POINTS, type FailPoint } from './fail-points';
import { invoiceSignature, startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const FIXED = 'Fysioterapi, opfølgning';
const HOURLY = 'Genoptræning 50 min';

describeEachStore('InvoiceRunner: exactly once and bad input', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));
  const kit = async (options: Parameters<typeof startInvoiceKit>[1] = {}) => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, options);
    kits.push(k);
    return { k, reopen: suite.reopen };
  };
  const selection = async (k: InvoiceKit) => ({
    kind: 'ids' as const,
    appointmentIds: [...(await k.ended(FIXED)).slice(0, 4), ...(await k.ended(HOURLY)).slice(0, 3)].map((a) => a.id),
  });

  it('20 concurrent runs over one selection (two connections) create each invoice exactly once', async () => {
    const { k } = await kit();
    const sel = await selection(k);
    const second = (await suite.reopen()).db;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => k.runner(i % 2 === 0 ? {} : { db: second }).run(sel, `user${i}@contoso.com`, 'bot')),
    );
    const keys = k.bcInvoices().map((i) => i.externalDocumentNumber);
    expect(new Set(keys).size).toBe(keys.length);
    const created = results.flatMap((r) => r.invoices.filter((i) => i.status === 'verified'));
    expect(created).toHaveLength(k.bcInvoices().length);
    expect(results.filter((r) => r.state === 'succeeded')).toHaveLength(1);
    const invoicedIds = created.flatMap((i) => i.appointmentIds).sort();
    expect(invoicedIds).toEqual([...sel.appointmentIds].sort());
  });

  // 'after-post' is only reached by a run that posts: after-create.integration.test.ts kills it there;
  // 'mid-claim' only by a claim of several chunks: chunked-run.integration.test.ts kills it there.
  it.each(FAIL_POINTS.filter((p) => p !== 'after-post' && p !== 'mid-claim'))(
    'a run killed %s and resumed ends with exactly the invoices of an uninterrupted run',
    async (point: FailPoint) => {
      const { k: clean } = await kit();
      await clean.runner().run(await selection(clean), 'anna@contoso.com', 'tab');
      const expected = invoiceSignature(clean.bcInvoices());

      const { k } = await kit();
      let killed = false;
      const dying = k.runner({
        failAt: (p) => {
          if (p === point && !killed) {
            killed = true;
            throw new Error('killed');
          }
        },
      });
      await expect(dying.run(await selection(k), 'anna@contoso.com', 'tab')).rejects.toThrow(`killed at ${point}`);
      await dying.idle();
      // The dead process's lease on the run runs out.
      k.clock.advance(31_000);
      const resumed = await k.runner().resumeInterrupted();
      expect(resumed).toHaveLength(1);
      expect(resumed[0]!.state).toBe('succeeded');
      expect(invoiceSignature(k.bcInvoices())).toEqual(expected);
      expect(resumed[0]!.invoices.every((i) => i.bcCustomerId !== null && i.number !== null)).toBe(true);
    },
  );

  it('20% injected faults in both emulators change nothing in the result', async () => {
    const { k: clean } = await kit();
    await clean.runner().run(await selection(clean), 'anna@contoso.com', 'tab');
    const { k } = await kit();
    const sel = await selection(k);
    k.h.bc.update({ faultRate: 0.2 });
    k.h.graph.update({ faultRate: 0.2 });
    let result = await k.runner().run(sel, 'anna@contoso.com', 'tab');
    for (let i = 0; i < 5 && !result.finished; i++) result = (await k.runner().resumeInterrupted())[0] ?? result;
    k.h.bc.update({ faultRate: 0 });
    expect(result.state).toBe('succeeded');
    expect(invoiceSignature(k.bcInvoices())).toEqual(invoiceSignature(clean.bcInvoices()));
  });

  it("a blocked customer fails its invoice alone with BC's message, releases its appointments, and retry works once unblocked", async () => {
    const { k } = await kit();
    const sel = await selection(k);
    const company = k.h.bc.state.company(k.h.companyId)!;
    let blockedId: string | undefined;
    // Once customers are ensured, someone blocks the first invoice's customer in Business Central.
    const runner = k.runner({
      failAt: async (point) => {
        if (point !== 'after-customers' || blockedId !== undefined) return;
        const first = await k.db.selectFrom('invoices').select('bc_customer_id').orderBy('position').executeTakeFirstOrThrow();
        blockedId = first.bc_customer_id!;
        company.customers.find((c) => c.id === blockedId)!.blocked = 'All';
      },
    });
    const result = await runner.run(sel, 'anna@contoso.com', 'tab');
    const blocked = company.customers.find((c) => c.id === blockedId)!;
    const failed = result.invoices.filter((i) => i.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toContain('blocked');
    expect(result.state).toBe('partial');
    const released = (await k.appointments()).filter((a) => failed[0]!.appointmentIds.includes(a.id));
    expect(released.every((a) => a.state === 'unbilled')).toBe(true);
    expect(result.invoices.filter((i) => i.status === 'verified')).toHaveLength(result.invoices.length - 1);
    blocked.blocked = ' ';
    const retry = await runner.wait(await runner.retryFailed(result.id, 'anna@contoso.com', 'tab'));
    expect(retry).toMatchObject({ state: 'succeeded', retryOf: result.id });
    expect(retry.invoices.flatMap((i) => i.appointmentIds).sort()).toEqual([...failed[0]!.appointmentIds].sort());
  });

  it('creates and links a missing BC customer; every invoice has its customer', async () => {
    const { k } = await kit();
    const sel = await selection(k);
    const company = k.h.bc.state.company(k.h.companyId)!;
    const before = company.customers.length;
    const first = (await k.ended(FIXED))[0]!;
    const email = (JSON.parse(first.customers) as { email: string }[])[0]!.email.toLowerCase();
    company.customers = company.customers.filter((c) => !c.email.toLowerCase().split(';').includes(email));
    await k.db.deleteFrom('customer_links').execute();
    const result = await k.runner().run(sel, 'anna@contoso.com', 'tab');
    expect(result.state).toBe('succeeded');
    expect(company.customers.some((c) => c.email.toLowerCase() === email)).toBe(true);
    expect(company.customers.length).toBeGreaterThanOrEqual(before);
    for (const invoice of k.bcInvoices()) {
      expect(invoice.customerNumber).not.toBe('');
      expect(company.customers.some((c) => c.id === invoice.customerId)).toBe(true);
    }
  });

  it('does not invoice an appointment cancelled in Bookings after the last sync, and answers unknown / cancelled / invoiced ids per appointment', async () => {
    const { k } = await kit();
    const [gone, kept, later] = await k.ended(FIXED);
    const res = await k.h.graphRequest('POST', `/appointments/${encodeURIComponent(gone!.id)}/cancel`, { cancellationMessage: 'Sick' });
    expect(res.status).toBeLessThan(300);
    const first = await k.runner().run({ kind: 'ids', appointmentIds: [gone!.id, kept!.id] }, 'anna@contoso.com', 'tab');
    expect(first.invoices.flatMap((i) => i.appointmentIds)).toEqual([kept!.id]);
    expect(first.skipped).toEqual([expect.objectContaining({ appointmentId: gone!.id, reason: 'cancelled' })]);

    const second = await k.runner().run({ kind: 'ids', appointmentIds: ['no-such-id', gone!.id, kept!.id, later!.id] }, 'anna@contoso.com', 'tab');
    const reasons = Object.fromEntries(second.skipped.map((s) => [s.appointmentId, s.reason]));
    expect(reasons).toEqual({ 'no-such-id': 'unknown', [gone!.id]: 'cancelled', [kept!.id]: 'invoiced' });
    expect(second.invoices.flatMap((i) => i.appointmentIds)).toEqual([later!.id]);
  });
});
