import { describeEachStore } from '../../store/testing/test-stores';
import { startInvoiceKit, type InvoiceKit } from '../run/testing/invoice-kit';
import { CANCELED_REVIEW_REASON, syncReconcile } from '.';

const FIXED = 'Fysioterapi, opfølgning';

describeEachStore('syncReconcile (against the BC emulator)', (_getStore, suite) => {
  let k: InvoiceKit;
  beforeAll(async () => {
    k = await startInvoiceKit((await suite.freshTarget().open()).db);
    k.setSetup({ invoiceGrouping: 'perAppointment' });
  });
  afterAll(() => k.h.close());

  const invoiceRow = (id: string) => k.db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const appointment = (id: string) => k.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('releases a deleted draft, records a posted number and flags a canceled invoice, reading many invoices per request', async () => {
    const chosen = (await k.ended(FIXED)).slice(0, 3);
    expect(chosen).toHaveLength(3);
    const first = await k.runner().run({ kind: 'ids', appointmentIds: chosen.map((c) => c.id) }, 'anna@contoso.com', 'tab');
    expect(first.state).toBe('succeeded');
    const [deleted, posted, canceled] = chosen.map((c) => first.invoices.find((i) => i.appointmentIds.includes(c.id))!);
    expect(new Set([deleted!.id, posted!.id, canceled!.id]).size).toBe(3);

    const draft = await k.h.bcClient.getSalesInvoice(deleted!.bcInvoiceId!);
    await k.h.bcClient.deleteSalesInvoice(draft!.id, draft!.etag!);
    await k.h.bcClient.postSalesInvoice(posted!.bcInvoiceId!);
    await k.h.bcClient.postSalesInvoice(canceled!.bcInvoiceId!);
    const bcCanceled = k.bcInvoices().find((i) => i.id === canceled!.bcInvoiceId)!;
    bcCanceled.status = 'Canceled';
    const postedNumber = k.bcInvoices().find((i) => i.id === posted!.bcInvoiceId)!.number;
    expect(postedNumber).not.toBe(posted!.number);

    const before = k.h.bc.stats().requests;
    const report = await syncReconcile(k.h.context(k.db));
    expect(report).toMatchObject({ removed: 1, updated: 2, unchanged: 0 });
    expect(k.h.bc.stats().requests - before).toBe(1);

    expect(await invoiceRow(deleted!.id)).toMatchObject({ status: 'deleted' });
    expect(await appointment(chosen[0]!.id)).toMatchObject({ state: 'unbilled', invoice_id: null, review_reason: null });
    const lines = await k.db.selectFrom('invoice_lines').select('state').where('invoice_id', '=', deleted!.id).execute();
    expect(lines.map((l) => l.state)).toEqual(lines.map(() => 'released'));

    expect(await invoiceRow(posted!.id)).toMatchObject({ status: 'posted', posted_number: postedNumber });
    expect(await appointment(chosen[1]!.id)).toMatchObject({ state: 'invoiced', review_reason: null });
    expect((await k.runner().getRun(first.id)).invoices.find((i) => i.id === posted!.id)).toMatchObject({ status: 'posted', number: postedNumber });

    expect(await invoiceRow(canceled!.id)).toMatchObject({ status: 'canceled' });
    expect(await appointment(chosen[2]!.id)).toMatchObject({ state: 'invoiced', review_reason: CANCELED_REVIEW_REASON });

    const audit = await k.db
      .selectFrom('audit_log')
      .select(['action', 'subject'])
      .where('action', 'like', 'invoice.%')
      .where('action', '!=', 'invoice.run')
      .orderBy('id')
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'invoice.deleted', subject: deleted!.id },
        { action: 'invoice.posted', subject: posted!.id },
        { action: 'invoice.canceled', subject: canceled!.id },
      ]),
    );

    // A second pass finds nothing new: only the posted invoice is still read.
    expect(await syncReconcile(k.h.context(k.db))).toMatchObject({ removed: 0, updated: 0, unchanged: 1 });

    // The released appointment is invoiced again, on a new draft.
    const again = await k.runner().run({ kind: 'ids', appointmentIds: [chosen[0]!.id] }, 'anna@contoso.com', 'cli');
    expect(again.state).toBe('succeeded');
    expect(again.invoices).toHaveLength(1);
    expect(again.invoices[0]!.bcInvoiceId).not.toBe(deleted!.bcInvoiceId);
    expect(await appointment(chosen[0]!.id)).toMatchObject({ state: 'invoiced', invoice_id: again.invoices[0]!.id });
  });

  it('reads our drafts by id but our posted invoices only when Business Central stamped them changed since the last reconcile', async () => {
    const chosen = (await k.ended(FIXED)).slice(0, 3);
    expect(chosen).toHaveLength(3);
    const run = await k.runner().run({ kind: 'ids', appointmentIds: chosen.map((c) => c.id) }, 'anna@contoso.com', 'tab');
    const [paid, open, draft] = chosen.map((c) => run.invoices.find((i) => i.appointmentIds.includes(c.id))!);
    await k.h.bcClient.postSalesInvoice(paid!.bcInvoiceId!);
    await k.h.bcClient.postSalesInvoice(open!.bcInvoiceId!);
    await syncReconcile(k.h.context(k.db));
    const posted = await k.db.selectFrom('invoices').select('id').where('status', '=', 'posted').execute();
    expect(posted.length).toBeGreaterThanOrEqual(2);

    // Nothing stamped since (well past the clock-skew margin): one filtered read for every posted invoice, one by id for the draft.
    const hourAgo = new Date(k.h.clock().getTime() - 3_600_000).toISOString();
    for (const invoice of k.bcInvoices()) invoice.lastModifiedDateTime = hourAgo;
    let before = k.h.bc.stats().requests;
    expect(await syncReconcile(k.h.context(k.db))).toMatchObject({ updated: 0, removed: 0 });
    expect(k.h.bc.stats().requests - before).toBe(2);

    // Paid in Business Central (which stamps it) and the draft deleted: both seen.
    const response = await fetch(`${new URL(k.h.bcApiBaseUrl).origin}/_emulator/salesInvoices/${paid!.bcInvoiceId}/payment`, {
      method: 'POST',
      headers: { authorization: `Bearer ${k.h.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(response.status).toBe(200);
    const bcDraft = await k.h.bcClient.getSalesInvoice(draft!.bcInvoiceId!);
    await k.h.bcClient.deleteSalesInvoice(bcDraft!.id, bcDraft!.etag!);
    before = k.h.bc.stats().requests;
    expect(await syncReconcile(k.h.context(k.db))).toMatchObject({ updated: 1, removed: 1 });
    expect(k.h.bc.stats().requests - before).toBe(2);
    expect(await invoiceRow(paid!.id)).toMatchObject({ status: 'posted', bc_status: 'Paid', remaining_minor: 0 });
    expect(await invoiceRow(draft!.id)).toMatchObject({ status: 'deleted' });
    expect(await invoiceRow(open!.id)).toMatchObject({ status: 'posted', bc_status: 'Open' });
  });
});
