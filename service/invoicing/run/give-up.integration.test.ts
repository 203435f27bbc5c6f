import { describeEachStore } from '../../store/testing/test-stores';
import { queryUnbilled } from '../../unbilled';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
const FIXED = 'Fysioterapi, opfølgning';

/** Ended single-attendee appointments of different customers, not blocked, that Business Central knows. */
async function onePerCustomer(k: InvoiceKit, count: number): Promise<string[]> {
  const seen = new Set<string>();
  const known = new Set(k.h.bc.state.company(k.h.companyId)!.customers.flatMap((c) => c.email.toLowerCase().split(';')));
  const ids: string[] = [];
  for (const row of await k.ended(FIXED)) {
    const email = (JSON.parse(row.customers) as { email: string }[])[0]?.email.toLowerCase();
    if (row.customer_count !== 1 || row.customers_blocked !== 0 || email === undefined || !known.has(email) || seen.has(email)) continue;
    seen.add(email);
    ids.push(row.id);
  }
  expect(ids.length).toBeGreaterThanOrEqual(count);
  return ids.slice(0, count);
}

describeEachStore('A run that gives up', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));

  it('with Business Central failing every request mid-run, ends failed, leaves nothing claimed, and Retry (in another runner too) creates the rest once', async () => {
    const store = await suite.freshTarget().open();
    // Few attempts, so the retry bounds are spent quickly.
    const k = await startInvoiceKit(store.db, { now: NOW, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    kits.push(k);
    const ids = await onePerCustomer(k, 4);
    const runner = k.runner({
      // Once the customers are known, Business Central starts answering 500 to everything.
      failAt: (point) => {
        if (point === 'after-customers') k.h.bc.update({ faultRate: 1, faultKinds: ['500'] });
      },
    });
    const failed = await runner.run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab');
    expect(failed).toMatchObject({ finished: true, state: 'failed' });
    expect(failed.errorKind).toBe('bc-busy');
    for (const text of [failed.error!, ...failed.invoices.map((i) => i.error!)]) expect(text).not.toMatch(/https?:|\/v2\.0|BKI-|\n\s+at |CorrelationId/);
    const rows = (await k.appointments()).filter((a) => ids.includes(a.id));
    expect(rows.map((a) => a.state)).toEqual(ids.map(() => 'unbilled'));
    expect(k.bcInvoices()).toHaveLength(0);
    // Back in the Unbilled list, invoiceable, with a note that the last attempt failed.
    const listed = await queryUnbilled(k.db, { businessId: k.h.businessId, state: 'invoiceable', limit: 500 }, { now: NOW, setup: k.setup });
    expect(listed.rows.filter((r) => ids.includes(r.id)).map((r) => [r.reason, r.note])).toEqual(ids.map(() => [null, 'last-attempt-failed']));

    k.h.bc.update({ faultRate: 0 });
    const other = k.runner();
    const retry = await other.wait(await other.retryFailed(failed.id, 'anna@contoso.com', 'tab'));
    expect(retry).toMatchObject({ state: 'succeeded', retryOf: failed.id });
    expect(retry.invoices.flatMap((i) => i.appointmentIds).sort()).toEqual([...ids].sort());
    expect(k.bcInvoices()).toHaveLength(ids.length);
    expect((await k.appointments()).filter((a) => ids.includes(a.id)).map((a) => [a.state, a.last_attempt_failed])).toEqual(ids.map(() => ['invoiced', 0]));
  });

  it('a draft created before Business Central went away is found by the retry and not created twice', async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    kits.push(k);
    const ids = await onePerCustomer(k, 3);
    // Earlier invoices showed these customers' VAT basis, so each draft is created whole in one request.
    const company = k.h.bc.state.company(k.h.companyId)!;
    for (const row of (await k.appointments()).filter((a) => ids.includes(a.id))) {
      const email = (JSON.parse(row.customers) as { email: string }[])[0]!.email.toLowerCase();
      const customer = company.customers.find((c) => c.email.toLowerCase().split(';').includes(email))!;
      await k.db
        .insertInto('bc_customer_terms')
        .values({ business_id: k.h.businessId.toLowerCase(), bc_customer_id: customer.id.toLowerCase(), prices_include_tax: 1, updated_at: NOW.toISOString() })
        .execute();
    }
    // The create is carried out but its answer lost, and from then on Business Central fails everything.
    k.h.bc.update({ lostAnswer: { rate: 1, kind: 'reset', match: 'POST /$batch' } });
    const runner = k.runner({
      lostAnswerWait: { delaysMs: [0], quietMs: 1 },
      failAt: (point) => {
        if (point === 'after-create' && k.h.bc.settings.lostAnswer.rate === 1) k.h.bc.update({ faultRate: 1, faultKinds: ['500'] });
      },
    });
    const stopped = await runner.run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab');
    expect(stopped.state).toBe('failed');
    expect(k.bcInvoices()).toHaveLength(ids.length);
    k.h.bc.update({ faultRate: 0, lostAnswer: { rate: 0, kind: 'reset', match: '' } });
    const retry = await runner.wait(await runner.retryFailed(stopped.id, 'anna@contoso.com', 'tab'));
    expect(retry.state).toBe('nothing');
    expect(retry.skipped.map((s) => s.reason)).toEqual(ids.map(() => 'invoiced'));
    expect(
      k
        .bcInvoices()
        .map((i) => i.customerId)
        .sort(),
    ).toEqual(stopped.invoices.map((i) => i.bcCustomerId).sort());
    expect((await k.appointments()).filter((a) => ids.includes(a.id)).map((a) => a.state)).toEqual(ids.map(() => 'invoiced'));
  });
});
