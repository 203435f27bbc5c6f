import { describeEachStore } from '../../store/testing/test-stores';
import { hourlyAmount } from '../../domain/pricing';
import { money } from '../../domain/money';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const SERVICES = {
  fixed: 'Fysioterapi, opfølgning',
  hourly50: 'Genoptræning 50 min',
  homeVisit: 'Hjemmebesøg',
  startingAt: 'Akupunktur',
  free: 'Gratis online screening',
  callUs: 'Chokbølgebehandling',
  notSet: 'Lymfedrænage',
  undefinedType: 'Dry needling',
};

describeEachStore('InvoiceRunner: the money path', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));
  const kit = async (...args: Parameters<typeof startInvoiceKit> extends [unknown, ...infer R] ? R : never) => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, ...args);
    kits.push(k);
    return k;
  };

  it('invoices every price type by its rule, to the cent, with VAT-inclusive Bookings prices', async () => {
    const k = await kit();
    const picks = await Promise.all(Object.values(SERVICES).map(async (name) => (await k.ended(name))[0]));
    const chosen = picks.flatMap((p) => (p ? [p] : []));
    expect(chosen.map((c) => c.service_name)).toEqual(expect.arrayContaining([SERVICES.fixed, SERVICES.hourly50, SERVICES.startingAt, SERVICES.callUs]));
    const result = await k.runner().run({ kind: 'ids', appointmentIds: chosen.map((c) => c.id) }, 'anna@contoso.com', 'tab');

    expect(result.state).toBe('succeeded');
    const skipped = new Map(result.skipped.map((s) => [s.appointmentId, s.reason]));
    for (const row of chosen) {
      const invoice = result.invoices.find((i) => i.appointmentIds.includes(row.id));
      switch (row.price_type) {
        case 'free':
          expect(skipped.get(row.id)).toBe('free');
          break;
        case 'callUs':
        case 'notSet':
        case 'undefined':
        case 'priceVaries':
          expect(skipped.get(row.id)).toBe('price-needed');
          break;
        default: {
          expect(invoice).toBeDefined();
          expect(invoice!.status).toBe('verified');
          const expected = row.price_type === 'hourly' ? hourlyAmount(money(row.price_minor!, 'DKK'), row.duration_minutes).minor : row.price_minor!;
          const bc = k.bcInvoices().find((i) => i.id === invoice!.bcInvoiceId)!;
          const line = bc.salesInvoiceLines.find((l) => l.description.startsWith(row.service_name.slice(0, 20)))!;
          expect(line).toBeDefined();
          expect(Math.round(line.amountIncludingTax * 100)).toBe(expected);
          if (row.price_type === 'hourly' && row.duration_minutes === 50) expect(line.quantity).toBe(0.83333);
        }
      }
    }
    for (const bc of k.bcInvoices()) {
      const ours = result.invoices.find((i) => i.bcInvoiceId === bc.id)!;
      expect(Math.round(bc.totalAmountIncludingTax * 100)).toBe(ours.amount.minor);
      expect(bc.customerId).not.toBe('00000000-0000-0000-0000-000000000000');
      expect(bc.customerNumber).not.toBe('');
      expect(bc.currencyCode).toBe('DKK');
      expect(ours.url).toContain(`/salesInvoices/${bc.id}`);
    }
    const invoicedRows = (await k.appointments()).filter((a) => a.state === 'invoiced');
    expect(invoicedRows.map((a) => a.id).sort()).toEqual(result.invoices.flatMap((i) => i.appointmentIds).sort());
  });

  it('VAT-exclusive customers of VAT-inclusive prices: lines corrected once, total incl. VAT still the Bookings amount, basis remembered', async () => {
    const k = await kit();
    const rows = [...(await k.ended(SERVICES.fixed)).slice(0, 2), ...(await k.ended(SERVICES.hourly50)).slice(0, 2)];
    const company = k.h.bc.state.company(k.h.companyId)!;
    for (const id of Object.keys(company.customerPricesIncludeTax)) company.customerPricesIncludeTax[id] = false;
    company.templateRules.customer!.pricesIncludeTaxByType = { Person: false, Company: false };
    const result = await k.runner().run({ kind: 'ids', appointmentIds: rows.map((r) => r.id) }, 'anna@contoso.com', 'cli');
    expect(result.state).toBe('succeeded');
    for (const invoice of result.invoices) {
      expect(invoice.bcTotals).toMatchObject({ pricesIncludeTax: false, includingTax: invoice.amount.minor });
      expect(['verified', 'mismatch']).toContain(invoice.status);
      if (invoice.status === 'mismatch') expect(invoice.verifyProblem).toMatch(/Total including VAT/);
    }
    expect(result.invoices.filter((i) => i.status === 'verified').length).toBeGreaterThan(0);
    const remembered = await k.db.selectFrom('bc_customer_terms').selectAll().execute();
    expect(remembered.length).toBeGreaterThan(0);
    expect(remembered.every((r) => r.prices_include_tax === 0)).toBe(true);
  });

  it('VAT-exclusive Bookings prices: the total excluding VAT equals the Bookings amount', async () => {
    const k = await kit();
    k.setSetup({ pricesIncludeVat: false });
    const rows = [...(await k.ended(SERVICES.fixed)).slice(0, 2), ...(await k.ended(SERVICES.hourly50)).slice(0, 2)];
    const result = await k.runner().run({ kind: 'ids', appointmentIds: rows.map((r) => r.id) }, 'anna@contoso.com', 'tab');
    expect(result.state).toBe('succeeded');
    for (const invoice of result.invoices) {
      expect(invoice.status).toBe('verified');
      expect(invoice.bcTotals!.excludingTax).toBe(invoice.amount.minor);
    }
  });

  it.each([
    ['perCustomerPerRun', (n: { customers: number; appointments: number; months: number }) => n.customers],
    ['perAppointment', (n: { customers: number; appointments: number; months: number }) => n.appointments],
    ['perCustomerPerMonth', (n: { customers: number; appointments: number; months: number }) => n.months],
  ] as const)('grouping %s gives the expected invoices', async (rule, expectedCount) => {
    const k = await kit();
    k.setSetup({ invoiceGrouping: rule });
    const rows = [...(await k.ended(SERVICES.fixed)), ...(await k.ended(SERVICES.hourly50))].slice(0, 12);
    const emailOf = (r: (typeof rows)[number]) => (JSON.parse(r.customers) as { email: string }[])[0]!.email.toLowerCase();
    const months = new Set(rows.map((r) => `${emailOf(r)}|${r.start_utc.slice(0, 7)}`));
    const counts = { customers: new Set(rows.map(emailOf)).size, appointments: rows.length, months: months.size };
    const preview = await k.runner().preview({ kind: 'ids', appointmentIds: rows.map((r) => r.id) }, 'anna@contoso.com');
    expect(preview.invoices).toHaveLength(expectedCount(counts));
    expect(k.bcInvoices()).toHaveLength(0);
    const result = await k.runner().run({ kind: 'ids', appointmentIds: rows.map((r) => r.id) }, 'anna@contoso.com', 'tab');
    expect(result.invoices).toHaveLength(expectedCount(counts));
    expect(result.error).toBeNull();
    expect(result.invoices.map((i) => i.error ?? i.status)).toEqual(result.invoices.map(() => 'verified'));
    expect(k.bcInvoices()).toHaveLength(expectedCount(counts));
    expect(result.invoices.map((i) => i.amount.minor).sort()).toEqual(preview.invoices.map((i) => i.total.minor).sort());
  });
});
