import type { BcSalesInvoice } from '../../../sandbox/bc';
import { toMinor } from '../../domain/money';
import { describeEachStore } from '../../store/testing/test-stores';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
const FIXED = 'Fysioterapi, opfølgning';
/** Short enough for a test, and quiet longer than several of the emulator's operations. */
const LOST_ANSWER_WAIT = { delaysMs: [100, 200, 400, 800, 1_600, 3_200], quietMs: 400 };

/** One ended, invoiceable appointment per customer (single attendee, not blocked): one invoice each. */
async function onePerCustomer(k: InvoiceKit, count: number): Promise<string[]> {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const row of await k.ended(FIXED)) {
    if (row.customer_count !== 1 || row.customers_blocked !== 0) continue;
    const email = (JSON.parse(row.customers) as { email: string }[])[0]!.email.toLowerCase();
    if (seen.has(email)) continue;
    seen.add(email);
    ids.push(row.id);
  }
  expect(ids.length).toBeGreaterThanOrEqual(count);
  return ids.slice(0, count);
}

function draftsPerKey(invoices: readonly BcSalesInvoice[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of invoices) out.set(i.externalDocumentNumber, (out.get(i.externalDocumentNumber) ?? 0) + 1);
  return out;
}

describeEachStore('Invoice creation when Business Central loses its answer', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));
  const kit = async (options: Parameters<typeof startInvoiceKit>[1] = {}) => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW, ...options });
    kits.push(k);
    return k;
  };

  async function expectOneDraftPerKeyMatchingTheRun(k: InvoiceKit, ids: readonly string[]) {
    const result = await k.runner({ lostAnswerWait: LOST_ANSWER_WAIT }).run({ kind: 'ids', appointmentIds: [...ids] }, 'anna@contoso.com', 'tab');
    const drafts = k.bcInvoices();
    expect([...draftsPerKey(drafts).values()].every((n) => n === 1)).toBe(true);
    expect(result.state).toBe('succeeded');
    expect(result.invoices).toHaveLength(ids.length);
    expect(drafts.map((d) => d.number).sort()).toEqual(result.invoices.map((i) => i.number).sort());
    const bcTotal = drafts.reduce((sum, d) => sum + toMinor(d.totalAmountIncludingTax, 'DKK'), 0);
    expect(result.totals).toEqual([expect.objectContaining({ currency: 'DKK', minor: bcTotal })]);
  }

  it('a $batch that outlasts the client timeout (the server goes on creating) leaves exactly one draft per key', async () => {
    // 10 invoices at 60 ms each take 600 ms; the client gives up after 150 ms.
    const k = await kit({ bcSettings: { serviceTimeMs: 60 }, bcTimeouts: { timeoutMs: 150, batchOperationTimeoutMs: 0 } });
    const ids = await onePerCustomer(k, 10);
    await expectOneDraftPerKeyMatchingTheRun(k, ids);
  });

  it.each(['503', 'reset'] as const)('a $batch carried out and then answered %s leaves exactly one draft per key', async (kind) => {
    const k = await kit();
    const ids = await onePerCustomer(k, 6);
    k.h.bc.update({ lostAnswer: { rate: 1, kind, match: 'POST /$batch' } });
    await expectOneDraftPerKeyMatchingTheRun(k, ids);
  });

  it('a second draft planted under a key is deleted, the recorded one kept, and the deletion is in the audit log', async () => {
    const k = await kit();
    const ids = await onePerCustomer(k, 3);
    let planted: { id: string; number: string } | undefined;
    const runner = k.runner({
      lostAnswerWait: LOST_ANSWER_WAIT,
      failAt: async (point) => {
        if (point !== 'after-create' || planted !== undefined) return;
        const [first] = k.bcInvoices();
        const copy = await k.h.bcClient.createSalesInvoice({
          customerId: first!.customerId,
          externalDocumentNumber: first!.externalDocumentNumber,
          currencyCode: '',
          salesInvoiceLines: [{ lineType: 'Item', itemId: first!.salesInvoiceLines[0]!.itemId, description: 'copy', quantity: 1, unitPrice: 10 }],
        });
        planted = { id: copy.id, number: copy.number };
      },
    });
    const result = await runner.run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab');
    expect(planted).toBeDefined();
    const drafts = k.bcInvoices();
    expect(drafts.some((d) => d.id === planted!.id)).toBe(false);
    expect([...draftsPerKey(drafts).values()]).toEqual([1, 1, 1]);
    expect(result.state).toBe('succeeded');
    const audit = await k.db.selectFrom('audit_log').selectAll().where('action', '=', 'invoice.duplicate-deleted').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ duplicate: { id: planted!.id, number: planted!.number } });
  });
});
