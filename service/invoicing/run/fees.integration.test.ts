import { describeEachStore } from '../../store/testing/test-stores';
import { syncAppointments } from '../../sync/appointments';
import { queryUnbilled } from '../../unbilled';
import { reasonText } from '../../unbilled/reason-text';
import type { NoShowFee } from '../../setup/setup-schema';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const SERVICE = 'Fysioterapi, opfølgning';
const HOUR = 3_600_000;

describeEachStore('No-show and late-cancellation fees, against the emulators', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));

  /** A kit whose setup bills fees with a Business Central item of type Service. */
  async function kit(rule: NoShowFee['rule'], withItem = true): Promise<{ k: InvoiceKit; feeItem: string }> {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db);
    kits.push(k);
    const items = k.h.bc.state.company(k.h.companyId)!.items;
    const feeItem = (items.find((i) => i.type === 'Service') ?? items[0]!).id;
    k.setSetup({ noShowFee: { itemId: withItem ? feeItem : null, perService: {}, rule, lateCancellationHours: 24 } });
    return { k, feeItem };
  }

  const listed = async (k: InvoiceKit, id: string) => {
    const { rows } = await queryUnbilled(k.db, { businessId: k.h.businessId, state: 'all', search: '', limit: 500 }, { now: k.clock.now(), setup: k.setup });
    return rows.find((r) => r.id === id)!;
  };
  const feeLines = (k: InvoiceKit, id: string) => k.db.selectFrom('invoice_lines').selectAll().where('appointment_id', '=', id).execute();

  it('bills a no-show once as its fixed fee, even cancelled in Bookings since; a rerun bills nothing more, a sync flags nothing', async () => {
    const { k, feeItem } = await kit({ kind: 'fixed', amountMinor: 25_000 });
    const [row] = await k.ended(SERVICE);
    expect(row).toBeDefined();
    expect(row!.customer_count).toBe(1);
    await k.db.updateTable('appointments').set({ no_show: 1 }).where('id', '=', row!.id).execute();
    // Bookings cancelled it after the fact: the run's re-read finds it gone, and it stays a no-show.
    expect((await k.h.graphRequest('POST', `/appointments/${row!.id}/cancel`, { cancellationMessage: 'Did not come' })).status).toBe(204);

    const before = await listed(k, row!.id);
    expect(before).toMatchObject({ reason: null, fee: { kind: 'no-show', amount: { minor: 25_000, currency: 'DKK' } }, amount: { minor: 25_000 } });

    const result = await k.runner().run({ kind: 'ids', appointmentIds: [row!.id] }, 'anna@contoso.com', 'tab');
    expect(result.state).toBe('succeeded');
    expect(result.invoices).toHaveLength(1);
    expect(result.invoices[0]!.amount).toEqual({ minor: 25_000, currency: 'DKK' });
    const bc = k.bcInvoices();
    expect(bc).toHaveLength(1);
    expect(bc[0]!.salesInvoiceLines).toHaveLength(1);
    const line = bc[0]!.salesInvoiceLines[0]!;
    expect(line.itemId).toBe(feeItem);
    expect(line.description).toMatch(/^Udeblivelse: Fysioterapi, opfølgning · \d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
    expect(Math.round(line.amountIncludingTax * 100)).toBe(25_000);
    expect((await feeLines(k, row!.id)).map((l) => [l.fee_kind, l.amount_minor, l.bc_item_id, l.state])).toEqual([['no-show', 25_000, feeItem, 'invoiced']]);
    // The run's audit entry says it billed a no-show's fee.
    const entry = await k.db.selectFrom('audit_log').selectAll().where('action', '=', 'invoice.run').where('subject', '=', result.id).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details!)).toMatchObject({ noShowFees: 1 });

    const again = await k.runner().run({ kind: 'ids', appointmentIds: [row!.id] }, 'anna@contoso.com', 'tab');
    expect(again.invoices).toHaveLength(0);
    expect(again.skipped).toEqual([expect.objectContaining({ appointmentId: row!.id, reason: 'invoiced' })]);
    expect(k.bcInvoices()).toHaveLength(1);

    // The next sync finds it still gone from Bookings: a billed fee is not "cancelled after invoicing".
    await syncAppointments(k.h.context(k.db));
    const stored = await k.db.selectFrom('appointments').selectAll().where('id', '=', row!.id).executeTakeFirstOrThrow();
    expect({ state: stored.state, review: stored.review_reason }).toEqual({ state: 'invoiced', review: null });
  });

  it('bills a late cancellation as the percent of the price; an early one is neither listed as invoiceable nor billed', async () => {
    const { k, feeItem } = await kit({ kind: 'percent', percent: 50 });
    const [late, early] = await k.ended(SERVICE);
    expect(early).toBeDefined();
    for (const row of [late!, early!]) {
      expect((await k.h.graphRequest('POST', `/appointments/${row.id}/cancel`, { cancellationMessage: 'Cannot come' })).status).toBe(204);
    }
    await syncAppointments(k.h.context(k.db));
    // When the sync first saw each missing (the harness's clock is past both appointments): 2 hours and 3 days before the start.
    const seen = (row: typeof late, hours: number) => new Date(Date.parse(row!.start_utc) - hours * HOUR).toISOString();
    await k.db
      .updateTable('appointments')
      .set({ cancelled_seen_at: seen(late, 2) })
      .where('id', '=', late!.id)
      .execute();
    await k.db
      .updateTable('appointments')
      .set({ cancelled_seen_at: seen(early, 72) })
      .where('id', '=', early!.id)
      .execute();

    const fee = Math.round(late!.price_minor! / 2);
    expect(await listed(k, late!.id)).toMatchObject({
      state: 'cancelled',
      reason: null,
      fee: { kind: 'late-cancellation', amount: { minor: fee, currency: 'DKK' } },
    });
    expect(await listed(k, early!.id)).toMatchObject({ state: 'cancelled', reason: 'cancelled', fee: null });
    const invoiceable = await queryUnbilled(
      k.db,
      { businessId: k.h.businessId, state: 'invoiceable', search: '', limit: 500 },
      { now: k.clock.now(), setup: k.setup },
    );
    expect(invoiceable.rows.map((r) => r.id)).toContain(late!.id);
    expect(invoiceable.rows.map((r) => r.id)).not.toContain(early!.id);

    const result = await k.runner().run({ kind: 'ids', appointmentIds: [late!.id, early!.id] }, 'anna@contoso.com', 'tab');
    expect(result.state).toBe('succeeded');
    expect(result.skipped).toEqual([expect.objectContaining({ appointmentId: early!.id, reason: 'cancelled' })]);
    expect(result.invoices.map((i) => i.amount.minor)).toEqual([fee]);
    const line = k.bcInvoices()[0]!.salesInvoiceLines[0]!;
    expect(line.itemId).toBe(feeItem);
    expect(line.description).toMatch(/^Sent afbud: Fysioterapi, opfølgning/);
    expect((await feeLines(k, late!.id)).map((l) => [l.fee_kind, l.amount_minor])).toEqual([['late-cancellation', fee]]);
    expect(await feeLines(k, early!.id)).toEqual([]);
    const states = await k.db.selectFrom('appointments').select(['id', 'state']).where('id', 'in', [late!.id, early!.id]).execute();
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [late!.id]: 'invoiced', [early!.id]: 'cancelled' });
  });

  it('without a fee item a no-show is not invoiceable, and says why in words', async () => {
    const { k } = await kit({ kind: 'fixed', amountMinor: 25_000 }, false);
    const [row] = await k.ended(SERVICE);
    await k.db.updateTable('appointments').set({ no_show: 1 }).where('id', '=', row!.id).execute();

    const shown = await listed(k, row!.id);
    expect(shown).toMatchObject({ reason: 'fee-item-missing', fee: { kind: 'no-show', amount: { minor: 25_000 } } });
    expect(reasonText(shown.reason!, 'en')).toBe('No fee item set up for no-shows and late cancellations (Setup: noShowFee)');
    const result = await k.runner().run({ kind: 'ids', appointmentIds: [row!.id] }, 'anna@contoso.com', 'tab');
    expect(result.invoices).toHaveLength(0);
    expect(result.skipped).toEqual([expect.objectContaining({ appointmentId: row!.id, reason: 'fee-item-missing' })]);
    expect(k.bcInvoices()).toHaveLength(0);
  });
});
