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

describeEachStore("Drafts right the first time, whatever the customer's VAT basis", (_getStore, suite) => {
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
