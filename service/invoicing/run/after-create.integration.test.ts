import { describeEachStore } from '../../store/testing/test-stores';
import { invoiceSignature, startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const FIXED = 'Fysioterapi, opfølgning';
const HOURLY = 'Genoptræning 50 min';

describeEachStore('create and post / send in one step', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));
  const kit = async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db);
    kits.push(k);
    return k;
  };
  const selection = async (k: InvoiceKit) => ({
    kind: 'ids' as const,
    appointmentIds: [...(await k.ended(FIXED)).slice(0, 3), ...(await k.ended(HOURLY)).slice(0, 2)].map((a) => a.id),
  });
  const outbox = (k: InvoiceKit) => k.h.bc.state.company(k.h.companyId)!.outbox ?? [];
  const postedSeries = /^103\d{3}$/;

  it('leaves drafts by default; the setup\'s "post" posts each verified draft once and records its posted number', async () => {
    const k = await kit();
    const drafts = await k.runner().run({ kind: 'ids', appointmentIds: (await k.ended(FIXED)).slice(0, 1).map((a) => a.id) }, 'anna@contoso.com', 'tab');
    expect(drafts.afterCreate).toBe('draft');
    expect(k.bcInvoices().every((i) => i.status === 'Draft')).toBe(true);

    k.setSetup({ afterCreate: 'post' });
    const result = await k.runner().run(await selection(k), 'anna@contoso.com', 'bot');
    expect(result.state).toBe('succeeded');
    expect(result.afterCreate).toBe('post');
    const posted = result.invoices;
    expect(posted.length).toBeGreaterThan(0);
    for (const invoice of posted) {
      const bc = k.bcInvoices().find((i) => i.id === invoice.bcInvoiceId)!;
      expect(bc.status).toBe('Open');
      expect(invoice).toMatchObject({ status: 'posted', number: bc.number, sent: false, afterCreateProblem: null });
      expect(invoice.number).toMatch(postedSeries);
      expect(invoice.draftNumber).not.toBe(invoice.number);
    }
    expect(outbox(k)).toHaveLength(0);
    const audit = await k.db.selectFrom('audit_log').select(['subject', 'actor']).where('action', '=', 'invoice.posted').execute();
    expect(audit.map((a) => a.subject).sort()).toEqual(posted.map((i) => i.id).sort());
  });

  it('an invoicer\'s per-run choice overrides the setup: "send" posts and emails each invoice once', async () => {
    const k = await kit();
    const result = await k.runner().run(await selection(k), 'anna@contoso.com', 'cli', { afterCreate: 'send' });
    expect(result.afterCreate).toBe('send');
    expect(result.invoices.every((i) => i.status === 'posted' && i.sent)).toBe(true);
    expect(
      outbox(k)
        .map((m) => m.invoiceId)
        .sort(),
    ).toEqual(result.invoices.map((i) => i.bcInvoiceId).sort());
  });

  it.each(['post', 'send'] as const)(
    'killed between Business Central posting (%s) and recording it, the resumed run neither posts nor sends twice',
    async (mode) => {
      const clean = await kit();
      await clean.runner().run(await selection(clean), 'anna@contoso.com', 'tab');
      const expected = invoiceSignature(clean.bcInvoices());

      const k = await kit();
      k.setSetup({ afterCreate: mode });
      const postsBefore = () => k.bcInvoices().filter((i) => i.status === 'Open').length;
      let killed = false;
      const dying = k.runner({
        failAt: (point) => {
          if (point === 'after-post' && !killed) {
            killed = true;
            throw new Error('killed');
          }
        },
      });
      await expect(dying.run(await selection(k), 'anna@contoso.com', 'tab')).rejects.toThrow('killed at after-post');
      await dying.idle();
      const postedAtKill = postsBefore();
      const sentAtKill = outbox(k).length;
      expect(postedAtKill).toBe(k.bcInvoices().length);
      // Posted in Business Central, not yet recorded here.
      expect((await k.db.selectFrom('invoices').select('posted_at').where('posted_at', 'is not', null).execute()).length).toBe(0);

      // The dead process's lease on the run runs out.
      k.clock.advance(31_000);
      const [resumed] = await k.runner().resumeInterrupted();
      expect(resumed!.state).toBe('succeeded');
      expect(invoiceSignature(k.bcInvoices())).toEqual(expected);
      // Each posted once: the posted series advanced once per invoice, and nothing asked to post a posted invoice.
      const numbers = k.bcInvoices().map((i) => i.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.every((n) => postedSeries.test(n))).toBe(true);
      expect(resumed!.invoices.map((i) => i.number).sort()).toEqual([...numbers].sort());
      expect(resumed!.invoices.every((i) => i.afterCreateProblem === null && i.status === 'posted')).toBe(true);
      expect(outbox(k)).toHaveLength(sentAtKill);
      expect(sentAtKill).toBe(mode === 'send' ? k.bcInvoices().length : 0);
      expect(resumed!.invoices.every((i) => i.sent === (mode === 'send'))).toBe(true);
      const posts = await k.db.selectFrom('audit_log').select('subject').where('action', '=', 'invoice.posted').execute();
      expect(posts).toHaveLength(resumed!.invoices.length);
    },
  );

  it('a draft posted by hand meanwhile is looked up and only recorded, never posted again', async () => {
    const k = await kit();
    k.setSetup({ afterCreate: 'post' });
    const runner = k.runner({
      failAt: (point) => {
        // Someone posts the first draft by hand while the run records: the run finds it posted and only records it.
        if (point === 'after-record') {
          const first = k.bcInvoices()[0]!;
          first.status = 'Open';
          first.number = '103999';
        }
      },
    });
    const result = await runner.run(await selection(k), 'anna@contoso.com', 'tab');
    const byHand = result.invoices.find((i) => i.number === '103999');
    expect(byHand).toMatchObject({ status: 'posted', afterCreateProblem: null });
    expect(k.bcInvoices().filter((i) => i.number === '103999')).toHaveLength(1);
  });
});
