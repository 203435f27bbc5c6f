import { syncReconcile } from '../reconcile';
import { describeEachStore } from '../../store/testing/test-stores';
import { IN_DOUBT_SETTLE_MS } from './in-doubt';
import { startInvoiceKit, type InvoiceKit } from './testing/invoice-kit';

const NOW = new Date('2026-11-25T10:00:00Z');
const FIXED = 'Fysioterapi, opfølgning';
/** Few attempts, so the retry bounds are spent quickly. */
const RETRY = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 };

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

describeEachStore('Invoices whose fate Business Central had not settled when their run gave up', (_getStore, suite) => {
  const kits: InvoiceKit[] = [];
  afterAll(() => Promise.all(kits.map((k) => k.h.close())));
  const kit = async () => {
    const store = await suite.freshTarget().open();
    const k = await startInvoiceKit(store.db, { now: NOW, retry: RETRY });
    kits.push(k);
    return k;
  };

  /** A run that gives up once its customers are known (Business Central failing every request): its invoices failed, in doubt. */
  async function gaveUp(k: InvoiceKit, ids: readonly string[]) {
    let struck = false;
    const runner = k.runner({
      failAt: (point) => {
        if (point !== 'after-customers' || struck) return;
        struck = true;
        k.h.bc.update({ faultRate: 1, faultKinds: ['500'] });
      },
    });
    const failed = await runner.run({ kind: 'ids', appointmentIds: [...ids] }, 'anna@contoso.com', 'tab');
    expect(failed.state).toBe('failed');
    k.h.bc.update({ faultRate: 0 });
    const invoices = await k.db.selectFrom('invoices').selectAll().where('run_id', '=', failed.id).orderBy('position').execute();
    const since = invoices[0]!.in_doubt_since;
    expect(since).not.toBeNull();
    expect(invoices.map((i) => [i.status, i.in_doubt_since])).toEqual(ids.map(() => ['failed', since]));
    return { runner, failed, invoices, since: since! };
  }

  /** What Business Central finishing a create late looks like: the draft under the run's key, whole or as a header alone. */
  async function lateDraft(k: InvoiceKit, invoice: { id: string; bc_customer_id: string | null; external_document_number: string }, whole: boolean) {
    const lines = await k.db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoice.id).orderBy('position').execute();
    return k.h.bcClient.createSalesInvoice({
      customerId: invoice.bc_customer_id!,
      externalDocumentNumber: invoice.external_document_number,
      currencyCode: '',
      ...(whole
        ? {
            salesInvoiceLines: lines.map((l) => ({
              lineType: 'Item' as const,
              itemId: l.bc_item_id,
              description: l.service_name,
              quantity: Number(l.quantity),
              unitPrice: l.unit_price_minor / 100,
            })),
          }
        : {}),
    });
  }

  /** The sync's reconcile phase, at the kit's time or at `at`. */
  const sync = (k: InvoiceKit, at?: number) => syncReconcile(k.h.context(k.db, { setup: k.setup, clock: at === undefined ? k.clock.now : () => new Date(at) }));

  it('a sync adopts a whole late draft whose appointment is still unbilled, deletes a half-made one, and waits on a key not found until it cannot come', async () => {
    const k = await kit();
    const ids = await onePerCustomer(k, 3);
    const { invoices, since } = await gaveUp(k, ids);
    expect(k.bcInvoices()).toHaveLength(0);
    const [whole, half, none] = invoices as [(typeof invoices)[number], (typeof invoices)[number], (typeof invoices)[number]];
    const adoptable = await lateDraft(k, whole, true);
    const headerOnly = await lateDraft(k, half, false);

    const report = await sync(k);
    expect(report).toMatchObject({ updated: 1, removed: 1 });
    // Business Central holds only what the store knows, and the adopted draft's appointment is invoiced by it.
    expect(k.bcInvoices().map((i) => i.id)).toEqual([adoptable.id]);
    const after = await k.db
      .selectFrom('invoices')
      .selectAll()
      .where(
        'id',
        'in',
        invoices.map((i) => i.id),
      )
      .orderBy('position')
      .execute();
    expect(after.map((i) => [i.status, i.bc_invoice_id, i.in_doubt_since === null])).toEqual([
      ['created', adoptable.id, true],
      ['failed', null, true],
      ['failed', null, false],
    ]);
    const appointmentOf = async (invoiceId: string) =>
      (await k.db.selectFrom('invoice_lines').select('appointment_id').where('invoice_id', '=', invoiceId).executeTakeFirstOrThrow()).appointment_id;
    const states = new Map((await k.appointments()).map((a) => [a.id, [a.state, a.invoice_id]]));
    expect(states.get(await appointmentOf(whole.id))).toEqual(['invoiced', whole.id]);
    expect(states.get(await appointmentOf(half.id))).toEqual(['unbilled', null]);
    const audit = await k.db.selectFrom('audit_log').selectAll().where('action', '=', 'invoice.late-draft-deleted').execute();
    expect(audit.map((a) => [a.subject, a.source])).toEqual([[half.id, 'sync']]);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ reason: 'half-made', draft: { id: headerOnly.id, lines: 0 } });

    // The key never found stays in doubt until Business Central cannot still be making it; then its fate is known.
    await sync(k, Date.parse(since) + IN_DOUBT_SETTLE_MS - 1);
    expect((await k.db.selectFrom('invoices').select('in_doubt_since').where('id', '=', none.id).executeTakeFirstOrThrow()).in_doubt_since).toBe(since);
    await sync(k, Date.parse(since) + IN_DOUBT_SETTLE_MS);
    expect((await k.db.selectFrom('invoices').select('in_doubt_since').where('id', '=', none.id).executeTakeFirstOrThrow()).in_doubt_since).toBeNull();
  });

  it('a late draft whose appointments a retry has invoiced since is deleted and audited, never a second invoice for them', async () => {
    const k = await kit();
    const ids = await onePerCustomer(k, 2);
    const { runner, failed, invoices } = await gaveUp(k, ids);
    const retry = await runner.wait(await runner.retryFailed(failed.id, 'anna@contoso.com', 'tab'));
    expect(retry.state).toBe('succeeded');
    expect(k.bcInvoices()).toHaveLength(2);
    const late = await lateDraft(k, invoices[0]!, true);

    await sync(k);
    expect(
      k
        .bcInvoices()
        .map((i) => i.number)
        .sort(),
    ).toEqual(retry.invoices.map((i) => i.number).sort());
    expect(k.bcInvoices().some((i) => i.id === late.id)).toBe(false);
    const audit = await k.db.selectFrom('audit_log').selectAll().where('action', '=', 'invoice.late-draft-deleted').execute();
    expect(audit.map((a) => a.subject)).toEqual([invoices[0]!.id]);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ reason: 'billed-elsewhere', draft: { id: late.id } });
    const lines = await k.db
      .selectFrom('invoice_lines')
      .select(['appointment_id', 'invoice_id'])
      .where('appointment_id', 'in', ids)
      .where('state', '=', 'invoiced')
      .execute();
    expect(lines.map((l) => l.appointment_id).sort()).toEqual([...ids].sort());
    expect(new Set(lines.map((l) => l.invoice_id))).toEqual(new Set(retry.invoices.map((i) => i.id)));
  });

  it('a retry adopts a whole late draft of the run it retries instead of creating the invoice again', async () => {
    const k = await kit();
    const ids = await onePerCustomer(k, 2);
    const { runner, failed, invoices } = await gaveUp(k, ids);
    const late = await lateDraft(k, invoices[0]!, true);
    const retry = await runner.wait(await runner.retryFailed(failed.id, 'anna@contoso.com', 'tab'));
    expect(retry.state).toBe('succeeded');
    expect(retry.invoices).toHaveLength(1);
    // One draft per appointment: the late one (adopted) and the retry's for the other.
    expect(k.bcInvoices()).toHaveLength(2);
    expect(k.bcInvoices().some((i) => i.id === late.id)).toBe(true);
    expect(await k.db.selectFrom('invoices').select(['status', 'bc_invoice_id']).where('id', '=', invoices[0]!.id).executeTakeFirstOrThrow()).toEqual({
      status: 'created',
      bc_invoice_id: late.id,
    });
    expect((await k.appointments()).filter((a) => ids.includes(a.id)).map((a) => a.state)).toEqual(ids.map(() => 'invoiced'));
  });

  it('a draft found under a key with its header alone (an earlier header-first create) is deleted and the invoice created whole', async () => {
    const k = await kit();
    const ids = await onePerCustomer(k, 3);
    const dying = k.runner({
      failAt: (point) => {
        if (point === 'after-create') throw new Error('killed');
      },
    });
    await expect(dying.run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab')).rejects.toThrow('killed at after-create');
    await dying.idle();
    // What a process of the header-first kind left: under each key a header without its lines.
    const invoices = await k.db.selectFrom('invoices').selectAll().orderBy('position').execute();
    const company = k.h.bc.state.company(k.h.companyId)!;
    company.salesInvoices = company.salesInvoices.filter((i) => !i.externalDocumentNumber.startsWith('BKI-'));
    const headers = await Promise.all(invoices.map((i) => lateDraft(k, i, false)));

    k.clock.advance(31_000);
    const [resumed] = await k.runner().resumeInterrupted();
    expect(resumed!.state).toBe('succeeded');
    expect(k.bcInvoices().map((i) => i.salesInvoiceLines.length)).toEqual(ids.map(() => 1));
    expect(k.bcInvoices().filter((i) => headers.some((h) => h.id === i.id))).toEqual([]);
  });

  it('of two drafts under one key the one with the lines is kept, the header without them deleted and audited', async () => {
    const k = await kit();
    const ids = await onePerCustomer(k, 2);
    // Killed with the drafts made and not recorded; a header without lines appears under the first key meanwhile (a later number).
    const dying = k.runner({
      failAt: (point) => {
        if (point === 'after-create') throw new Error('killed');
      },
    });
    await expect(dying.run({ kind: 'ids', appointmentIds: ids }, 'anna@contoso.com', 'tab')).rejects.toThrow('killed at after-create');
    await dying.idle();
    const [first] = await k.db.selectFrom('invoices').selectAll().orderBy('position').execute();
    const whole = k.bcInvoices().find((i) => i.externalDocumentNumber === first!.external_document_number)!;
    expect(whole.salesInvoiceLines).toHaveLength(1);
    const orphan = await lateDraft(k, first!, false);

    // The dead process's lease on the run runs out.
    k.clock.advance(31_000);
    const [resumed] = await k.runner().resumeInterrupted();
    expect(resumed!.state).toBe('succeeded');
    expect(k.bcInvoices().map((i) => i.salesInvoiceLines.length)).toEqual([1, 1]);
    expect(k.bcInvoices().some((i) => i.id === whole.id)).toBe(true);
    const audit = await k.db.selectFrom('audit_log').selectAll().where('action', '=', 'invoice.duplicate-deleted').execute();
    expect(
      audit
        .map((a) => JSON.parse(a.details!) as { kept: { id: string }; duplicate: { id: string; lines: number } })
        .map((d) => [d.kept.id, d.duplicate.id, d.duplicate.lines]),
    ).toEqual([[whole.id, orphan.id, 0]]);
  });
});
