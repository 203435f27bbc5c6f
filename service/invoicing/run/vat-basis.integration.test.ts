import { toMinor } from '../../domain/money';
import { describeEachStore } from '../../store/testing/test-stores';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
const FIXED = 'Fysioterapi, opfølgning';
const HOURLY = 'Genoptræning 50 min';

const emailOf = (customers: string) => (JSON.parse(customers) as { email: string }[])[0]!.email.toLowerCase();

/** Ended single-attendee appointments of `service` for three different customers, not blocked, Business Central knows. */
async function threeCustomers(k: InvoiceKit, service: string) {
  const known = new Set(k.h.bc.state.company(k.h.companyId)!.customers.flatMap((c) => c.email.toLowerCase().split(';')));
  const byEmail = new Map<string, string[]>();
  for (const row of await k.ended(service)) {
    if (row.customer_count !== 1 || row.customers_blocked !== 0 || !known.has(emailOf(row.customers))) continue;
    const email = emailOf(row.customers);
    byEmail.set(email, [...(byEmail.get(email) ?? []), row.id]);
  }
  const picked = [...byEmail].slice(0, 3);
  expect(picked).toHaveLength(3);
  return picked.map(([email, ids]) => ({ email, ids }));
}

/** Each draft's total including VAT beside what Bookings says its invoice owes, by key. */
async function totalsByKey(k: InvoiceKit) {
  const owed = new Map<string, number>();
  const rows = await k.db
    .selectFrom('invoice_lines')
    .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
    .select(['invoices.external_document_number as key', 'invoice_lines.amount_minor as minor'])
    .execute();
  for (const r of rows) owed.set(r.key, (owed.get(r.key) ?? 0) + Number(r.minor));
  return k
    .bcInvoices()
    .map((d) => ({ key: d.externalDocumentNumber, incl: toMinor(d.totalAmountIncludingTax, 'DKK'), bookings: owed.get(d.externalDocumentNumber) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Three customers whose "Prices Including VAT" is off while the Bookings prices include VAT: the first guess is wrong for each. */
async function wrongGuesses(k: InvoiceKit) {
  const picked = await threeCustomers(k, FIXED);
  const company = k.h.bc.state.company(k.h.companyId)!;
  for (const { email } of picked) {
    const customer = company.customers.find((c) => c.email.toLowerCase().split(';').includes(email))!;
    company.customerPricesIncludeTax[customer.id] = false;
  }
  expect(k.setup.pricesIncludeVat).toBe(true);
  return picked.flatMap((p) => p.ids);
}

const LOST_ANSWER_WAIT = { delaysMs: [100, 200, 400, 800, 1_600, 3_200], quietMs: 400 };

describeEachStore("Drafts equal to Bookings before they count as created, whatever the customer's VAT basis", (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));

  it.each([FIXED, HOURLY])(
    '%s: a customer whose prices exclude VAT, one whose prices include it and a new one all get drafts equal to the Bookings amounts',
    async (service) => {
      const store = await suite.freshTarget().open();
      const k = await startInvoiceKit(store.db, { now: NOW });
      kits.push(k);
      const [exclusive, inclusive, fresh] = await threeCustomers(k, service);
      const company = k.h.bc.state.company(k.h.companyId)!;
      const bcCustomer = (email: string) => company.customers.find((c) => c.email.toLowerCase().split(';').includes(email));
      company.customerPricesIncludeTax[bcCustomer(exclusive!.email)!.id] = false;
      company.customerPricesIncludeTax[bcCustomer(inclusive!.email)!.id] = true;
      company.customers = company.customers.filter((c) => c !== bcCustomer(fresh!.email));
      await k.db.deleteFrom('customer_links').execute();

      const ids = [exclusive!, inclusive!, fresh!].flatMap((c) => c.ids);
      // What Business Central holds once the drafts are created, before any read-back could correct them.
      const asCreated = new Map<string, number>();
      const runner = k.runner({
        failAt: (point) => {
          if (point === 'after-create') for (const d of k.bcInvoices()) asCreated.set(d.externalDocumentNumber, toMinor(d.totalAmountIncludingTax, 'DKK'));
        },
      });
      const result = await runner.run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab');

      const drafts = k.bcInvoices();
      expect(drafts).toHaveLength(3);
      const owed = new Map((await k.db.selectFrom('invoices').selectAll().execute()).map((i) => [i.external_document_number, i]));
      for (const draft of drafts) {
        const lines = await k.db
          .selectFrom('invoice_lines')
          .select('amount_minor')
          .where('invoice_id', '=', owed.get(draft.externalDocumentNumber)!.id)
          .execute();
        const bookings = lines.reduce((sum, l) => sum + l.amount_minor, 0);
        const key = draft.externalDocumentNumber;
        expect({ key, incl: toMinor(draft.totalAmountIncludingTax, 'DKK'), asCreated: asCreated.get(key) }).toEqual({
          key,
          incl: bookings,
          asCreated: bookings,
        });
      }
      expect(drafts.find((d) => d.customerId === bcCustomer(exclusive!.email)!.id)!.pricesIncludeTax).toBe(false);
      expect(result.state).toBe('succeeded');
      expect(result.invoices.map((i) => i.status)).toEqual(['verified', 'verified', 'verified']);
      const bcTotal = drafts.reduce((sum, d) => sum + toMinor(d.totalAmountIncludingTax, 'DKK'), 0);
      expect(result.totals).toEqual([expect.objectContaining({ currency: 'DKK', minor: bcTotal })]);
    },
  );

  it('drafts priced on a wrong guess of the basis are corrected before they count as created: one create per key, totals equal Bookings', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const ids = await wrongGuesses(k);
    let beforeCorrection: Awaited<ReturnType<typeof totalsByKey>> | undefined;
    const runner = k.runner({
      failAt: async (point) => {
        if (point === 'before-correction') beforeCorrection = await totalsByKey(k);
      },
    });
    const result = await runner.run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab');

    // As created the drafts were priced including VAT on customers whose prices exclude it: VAT came on top.
    expect(beforeCorrection).toHaveLength(3);
    for (const d of beforeCorrection!) expect(d.incl).toBeGreaterThan(d.bookings!);
    const after = await totalsByKey(k);
    expect(after.map((d) => d.key)).toEqual(beforeCorrection!.map((d) => d.key));
    for (const d of after) expect(d.incl).toBe(d.bookings);
    expect(result.state).toBe('succeeded');
    expect(result.invoices.map((i) => i.status)).toEqual(['verified', 'verified', 'verified']);
  });

  it('a run killed between a create and its correction corrects the draft on resume, without a second create', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const ids = await wrongGuesses(k);
    const dying = k.runner({
      failAt: (point) => {
        if (point === 'before-correction') throw new Error('kill -9');
      },
    });
    await expect(dying.run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab')).rejects.toThrow('killed at before-correction');
    await dying.idle();
    const made = k.bcInvoices().map((d) => d.id);
    expect(made).toHaveLength(3);
    for (const d of await totalsByKey(k)) expect(d.incl).toBeGreaterThan(d.bookings!);

    k.clock.advance(31_000);
    const [resumed] = await k.runner().resumeInterrupted();
    expect(resumed!.state).toBe('succeeded');
    expect(k.bcInvoices().map((d) => d.id)).toEqual(made);
    for (const d of await totalsByKey(k)) expect(d.incl).toBe(d.bookings);
  });

  it('a create answer lost for drafts priced on a wrong guess is looked up before anything is sent again, and the drafts found are corrected', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const ids = await wrongGuesses(k);
    k.h.bc.update({ lostAnswer: { rate: 1, kind: '503', match: 'POST /$batch' } });
    const result = await k.runner({ lostAnswerWait: LOST_ANSWER_WAIT }).run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab');

    const keys = k.bcInvoices().map((d) => d.externalDocumentNumber);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(3);
    for (const d of await totalsByKey(k)) expect(d.incl).toBe(d.bookings);
    expect(result.state).toBe('succeeded');
  });

  it("a draft that still differs after correction is deleted and its invoice fails (appointments back in the list); the summary states Business Central's totals", async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW });
    kits.push(k);
    const picked = await threeCustomers(k, FIXED);
    let spoilt: string | undefined;
    const runner = k.runner({
      failAt: async (point) => {
        if (point !== 'after-create' || spoilt !== undefined) return;
        // Someone gives a discount on the first draft: no line correction makes its total the Bookings amount.
        const [draft] = (
          await k.h.bcClient.findSalesInvoices(`externalDocumentNumber eq '${k.bcInvoices()[0]!.externalDocumentNumber}'`, { expandLines: true })
        ).salesInvoices;
        const line = draft!.salesInvoiceLines![0]!;
        const [patched] = await k.h.bcClient.batch([
          { method: 'PATCH', path: `salesInvoices(${draft!.id})/salesInvoiceLines(${line.id})`, body: { discountPercent: 10 }, ifMatch: line.etag! },
        ]);
        expect(patched!.ok).toBe(true);
        spoilt = draft!.externalDocumentNumber;
      },
    });
    const result = await runner.run({ kind: 'ids', appointmentIds: picked.flatMap((p) => p.ids) }, 'anna@contoso.com', 'tab');

    expect(spoilt).toBeDefined();
    expect(k.bcInvoices().map((d) => d.externalDocumentNumber)).not.toContain(spoilt);
    expect(result.state).toBe('partial');
    const failed = result.invoices.find((i) => i.externalDocumentNumber === spoilt)!;
    expect(failed.status).toBe('failed');
    const released = (await k.appointments()).filter((a) => failed.appointmentIds.includes(a.id));
    expect(released.map((a) => a.state)).toEqual(failed.appointmentIds.map(() => 'unbilled'));
    const bcTotal = k.bcInvoices().reduce((sum, d) => sum + toMinor(d.totalAmountIncludingTax, 'DKK'), 0);
    expect(result.totals).toEqual([expect.objectContaining({ currency: 'DKK', minor: bcTotal })]);
  });
});
