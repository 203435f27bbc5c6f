import type { Kysely } from 'kysely';
import type { RunResult } from '../invoicing/run/run-schemas';
import type { Database, NewRow } from '../store/database';
import { describeEachStore } from '../store/testing/test-stores';
import { getInvoiceRun, listAuditLog, listInvoiceRuns } from '.';

const BUSINESS = 'clinic@example.dk';

function run(id: string, createdAt: string, overrides: Partial<NewRow<'invoice_runs'>> = {}): NewRow<'invoice_runs'> {
  return {
    id,
    business_id: BUSINESS,
    requested_by: 'anna@example.dk',
    source: 'tab',
    selection: JSON.stringify({ kind: 'ids', appointmentIds: ['a'] }),
    state: 'succeeded',
    phase: 'done',
    planned_count: 2,
    created_count: 2,
    failed_count: 0,
    totals: null,
    error: null,
    created_at: createdAt,
    updated_at: createdAt,
    finished_at: createdAt,
    holder: null,
    heartbeat_at: null,
    skipped: JSON.stringify([{ appointmentId: 'x', reason: 'free', reasons: ['free'] }]),
    retry_of: null,
    ...overrides,
  };
}

function invoice(id: string, runId: string, status: string, amount: number, currency = 'DKK'): NewRow<'invoices'> {
  return {
    id,
    run_id: runId,
    business_id: BUSINESS,
    bc_customer_id: null,
    external_document_number: `KEY-${id}`,
    bc_invoice_id: null,
    bc_number: null,
    posted_number: null,
    status,
    amount_minor: amount,
    currency,
    appointment_ids: '[]',
    error: null,
    created_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-01T00:00:00.000Z',
    customer_email: null,
    customer_name: null,
    bc_customer_number: null,
    invoice_date: null,
    verify_problem: null,
    url: null,
    prices_include_tax: null,
    bc_total_excl_minor: null,
    bc_total_incl_minor: null,
    bc_tax_minor: null,
  };
}

async function seed(db: Kysely<Database>): Promise<void> {
  await db.insertInto('invoice_runs').values([
    run('run-old', '2026-11-01T08:00:00.000Z', { source: 'cli' }),
    run('run-new', '2026-11-03T08:00:00.000Z', { state: 'partial', failed_count: 1 }),
    run('run-running', '2026-11-04T08:00:00.000Z', { state: 'creating', finished_at: null, skipped: 'not json' }),
    run('run-other', '2026-11-05T08:00:00.000Z', { business_id: 'other@example.dk' }),
  ]).execute();
  await db.insertInto('invoices').values([
    invoice('i1', 'run-old', 'verified', 10000),
    invoice('i2', 'run-old', 'posted', 2550),
    invoice('i3', 'run-old', 'verified', 700, 'EUR'),
    invoice('i4', 'run-new', 'verified', 5000),
    invoice('i5', 'run-new', 'failed', 9999),
  ]).execute();
  const entry = (action: string, subject: string | null, details: string | null) => ({ at: '2026-11-05T00:00:00.000Z', actor: 'anna', source: 'tab', action, subject, details });
  await db.insertInto('audit_log').values([
    entry('setup.changed', 'Clinic@Example.dk', JSON.stringify({ version: 1 })),
    entry('invoice.run', 'run-old', JSON.stringify({ state: 'succeeded' })),
    entry('invoice.run', 'run-other', JSON.stringify({ state: 'succeeded' })),
    entry('appointment.excluded', 'appt-unknown', 'not json at all'),
    entry('setup.changed', 'other@example.dk', null),
  ]).execute();
}

describeEachStore('history', (getStore) => {
  const db = () => getStore().db;
  beforeAll(() => seed(db()));

  it('lists a business\'s invoice runs newest first with counts and live totals by currency', async () => {
    const page = await listInvoiceRuns(db(), { businessId: BUSINESS.toUpperCase(), offset: 0, limit: 10 });
    expect(page.total).toBe(3);
    expect(page.runs.map((r) => r.id)).toEqual(['run-running', 'run-new', 'run-old']);
    const [running, newer, old] = page.runs;
    expect(running).toMatchObject({ state: 'creating', finished: false, finishedAt: null, counts: { skipped: 0 }, totals: [] });
    expect(newer).toMatchObject({ state: 'partial', failures: 1, totals: [{ minor: 5000, currency: 'DKK' }] });
    expect(old).toMatchObject({ source: 'cli', counts: { planned: 2, created: 2, failed: 0, skipped: 1 }, totals: [{ minor: 12550, currency: 'DKK' }, { minor: 700, currency: 'EUR' }] });
  });

  it('pages and filters runs by source', async () => {
    expect((await listInvoiceRuns(db(), { businessId: BUSINESS, offset: 1, limit: 1 })).runs.map((r) => r.id)).toEqual(['run-new']);
    const cli = await listInvoiceRuns(db(), { businessId: BUSINESS, offset: 0, limit: 10, source: 'cli' });
    expect(cli).toMatchObject({ total: 1, runs: [{ id: 'run-old' }] });
    await expect(listInvoiceRuns(db(), { businessId: BUSINESS, offset: 0, limit: 1000 })).rejects.toThrow(/from 1 to 200/);
  });

  it("gets one run through the runner, only for the run's business", async () => {
    const runner = { getRun: jest.fn(async (id: string) => ({ id }) as RunResult) };
    expect(await getInvoiceRun(db(), runner, { businessId: BUSINESS, runId: 'run-old' })).toEqual({ id: 'run-old' });
    expect(await getInvoiceRun(db(), runner, { businessId: BUSINESS, runId: 'run-other' })).toBeNull();
    expect(runner.getRun).toHaveBeenCalledTimes(1);
  });

  it('lists audit entries newest first, of one business through their subjects, with details parsed tolerantly', async () => {
    const all = await listAuditLog(db(), { offset: 0, limit: 50 });
    expect(all.total).toBe(5);
    expect(all.entries[0]).toMatchObject({ action: 'setup.changed', subject: 'other@example.dk', details: null });
    expect(all.entries[1]).toMatchObject({ action: 'appointment.excluded', details: { unparsed: 'not json at all' } });

    const mine = await listAuditLog(db(), { businessId: BUSINESS, offset: 0, limit: 50 });
    expect(mine.entries.map((e) => [e.action, e.subject])).toEqual([
      ['invoice.run', 'run-old'],
      ['setup.changed', 'Clinic@Example.dk'],
    ]);
    expect(mine.entries[0]!.details).toEqual({ state: 'succeeded' });

    expect((await listAuditLog(db(), { action: 'invoice.run', offset: 0, limit: 50 })).total).toBe(2);
    expect((await listAuditLog(db(), { action: 'appointment.*', offset: 0, limit: 50 })).entries.map((e) => e.action)).toEqual(['appointment.excluded']);
  });
});
