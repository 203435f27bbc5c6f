import type { Kysely } from 'kysely';
import type { RunResult } from '../invoicing/run/run-schemas';
import type { Database, NewRow } from '../store/database';
import { describeEachStore } from '../store/testing/test-stores';
import { People } from '../identity/people';
import { getInvoiceRun, HistoryService, listAuditLog, listInvoiceRuns, listRunInvoices } from '.';

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
  await db
    .insertInto('invoice_runs')
    .values([
      run('run-old', '2026-11-01T08:00:00.000Z', { source: 'cli' }),
      run('run-new', '2026-11-03T08:00:00.000Z', { state: 'partial', failed_count: 1 }),
      run('run-running', '2026-11-04T08:00:00.000Z', { state: 'creating', finished_at: null, skipped: 'not json' }),
      run('run-other', '2026-11-05T08:00:00.000Z', { business_id: 'other@example.dk' }),
    ])
    .execute();
  await db
    .insertInto('invoices')
    .values([
      invoice('i1', 'run-old', 'verified', 10000),
      invoice('i2', 'run-old', 'posted', 2550),
      invoice('i3', 'run-old', 'verified', 700, 'EUR'),
      invoice('i4', 'run-new', 'verified', 5000),
      invoice('i5', 'run-new', 'failed', 9999),
    ])
    .execute();
  const entry = (action: string, subject: string | null, details: string | null, actor = 'anna') => ({
    at: '2026-11-05T00:00:00.000Z',
    actor,
    source: 'tab',
    action,
    subject,
    details,
  });
  await db
    .insertInto('audit_log')
    .values([
      entry('setup.changed', 'Clinic@Example.dk', JSON.stringify({ version: 1 })),
      entry('invoice.run', 'run-old', JSON.stringify({ state: 'succeeded' })),
      entry('invoice.run', 'run-other', JSON.stringify({ state: 'succeeded' })),
      entry('appointment.excluded', 'appt-unknown', 'not json at all'),
      entry('setup.changed', 'other@example.dk', null),
    ])
    .execute();
}

describeEachStore('history', (getStore) => {
  const db = () => getStore().db;
  beforeAll(() => seed(db()));

  it("lists a business's invoice runs newest first with counts and live totals by currency", async () => {
    const page = await listInvoiceRuns(db(), { businessId: BUSINESS.toUpperCase(), offset: 0, limit: 10 });
    expect(page.total).toBe(3);
    expect(page.runs.map((r) => r.id)).toEqual(['run-running', 'run-new', 'run-old']);
    const [running, newer, old] = page.runs;
    expect(running).toMatchObject({ state: 'creating', finished: false, finishedAt: null, counts: { skipped: 0 }, totals: [] });
    expect(newer).toMatchObject({ state: 'partial', failures: 1, totals: [{ minor: 5000, currency: 'DKK' }] });
    expect(old).toMatchObject({
      source: 'cli',
      counts: { planned: 2, created: 2, failed: 0, skipped: 1 },
      totals: [
        { minor: 12550, currency: 'DKK' },
        { minor: 700, currency: 'EUR' },
      ],
    });
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

describeEachStore('history in words', (getStore) => {
  const db = () => getStore().db;
  const people = () => new People(db(), () => new Date('2026-11-05T00:00:00.000Z'));

  beforeAll(async () => {
    await db()
      .insertInto('invoice_runs')
      .values([
        run('r-person', '2026-11-01T08:00:00.000Z', { requested_by: 'oid-anna' }),
        run('r-cli', '2026-11-02T08:00:00.000Z', { requested_by: 'cli:root', source: 'cli' }),
        run('r-sandbox', '2026-11-03T08:00:00.000Z', { requested_by: 'dev-user' }),
        run('r-schedule', '2026-11-04T08:00:00.000Z', { requested_by: 'schedule', source: 'schedule' }),
        run('r-unknown', '2026-11-05T08:00:00.000Z', { requested_by: 'tenant/oid-never-seen' }),
      ])
      .execute();
    await db()
      .insertInto('invoices')
      .values(
        Array.from({ length: 5 }, (_, i) => ({ ...invoice(`p${i}`, 'r-person', 'verified', 100 * (i + 1)), bc_number: `S-${i}`, customer_name: `Kunde ${i}` })),
      )
      .execute();
    await db()
      .insertInto('appointments')
      .values({
        id: 'appt-1',
        business_id: BUSINESS,
        start_utc: '2026-12-03T09:00:00.000Z',
        end_utc: '2026-12-03T09:35:00.000Z',
        duration_minutes: 35,
        service_id: 's1',
        service_name: 'Sportsmassage',
        staff_member_ids: '[]',
        customers: JSON.stringify([{ id: 'c1', name: 'Jens Hansen', email: 'jens@example.dk', timeZone: null }]),
        price_minor: 72000,
        currency: 'DKK',
        price_type: 'hourly',
        state: 'excluded',
        claimed_by_run: null,
        invoice_id: null,
        review_reason: null,
        content_hash: 'h',
        last_seen_sync: null,
        graph_last_updated: null,
        created_at: '2026-12-01T00:00:00.000Z',
        updated_at: '2026-12-01T00:00:00.000Z',
        entered_price_minor: null,
      })
      .execute();
    await db()
      .insertInto('audit_log')
      .values([
        { at: '2026-12-04T00:00:00.000Z', actor: 'oid-anna', source: 'tab', action: 'appointment.excluded', subject: 'appt-1', details: null },
        { at: '2026-12-04T00:00:01.000Z', actor: 'sync', source: 'sync', action: 'invoice.posted', subject: 'p1', details: null },
        { at: '2026-12-04T00:00:02.000Z', actor: 'cli:root', source: 'cli', action: 'invoice.run', subject: 'r-person', details: null },
        { at: '2026-12-04T00:00:03.000Z', actor: 'oid-anna', source: 'tab', action: 'appointment.included', subject: 'appt-gone', details: null },
      ])
      .execute();
    await people().remember('oid-anna', 'Anna Berg');
    // A later name replaces the earlier one; the sandbox's identity stays said in words.
    await people().remember('oid-anna', ' Anna Berg-Hansen ');
    await people().remember('dev-user', 'Sandbox User');
  });

  it('names who started each run: a remembered person by name, every other actor by its kind, never by id', async () => {
    const page = await listInvoiceRuns(db(), { businessId: BUSINESS, offset: 0, limit: 50 });
    const who = Object.fromEntries(page.runs.filter((r) => r.id.startsWith('r-')).map((r) => [r.id, r.who]));
    expect(who).toEqual({
      'r-person': { kind: 'person', name: 'Anna Berg-Hansen' },
      'r-cli': { kind: 'cli', user: 'root' },
      'r-sandbox': { kind: 'sandbox' },
      'r-schedule': { kind: 'scheduler' },
      'r-unknown': { kind: 'someone' },
    });
  });

  it("names each audit entry's subject from what is stored of it, and null when it is gone", async () => {
    const page = await listAuditLog(db(), { offset: 0, limit: 4 });
    expect(page.entries.map((e) => [e.action, e.who, e.about])).toEqual([
      ['appointment.included', { kind: 'person', name: 'Anna Berg-Hansen' }, null],
      ['invoice.run', { kind: 'cli', user: 'root' }, { kind: 'invoice-run', at: '2026-11-01T08:00:00.000Z' }],
      ['invoice.posted', { kind: 'sync' }, { kind: 'invoice', number: 'S-1', customer: 'Kunde 1' }],
      [
        'appointment.excluded',
        { kind: 'person', name: 'Anna Berg-Hansen' },
        { kind: 'appointment', service: 'Sportsmassage', customers: ['Jens Hansen'], start: '2026-12-03T09:00:00.000Z' },
      ],
    ]);
  });

  it("pages a run's invoices in the run's order with a total, and answers null for another business's run", async () => {
    const second = await listRunInvoices(db(), { businessId: BUSINESS, runId: 'r-person', offset: 2, limit: 2 }, '2026-11-20');
    expect(second).toMatchObject({ total: 5, offset: 2, limit: 2 });
    expect(second!.invoices.map((i) => [i.number, i.customer.name, i.amount])).toEqual([
      ['S-2', 'Kunde 2', { minor: 300, currency: 'DKK' }],
      ['S-3', 'Kunde 3', { minor: 400, currency: 'DKK' }],
    ]);
    expect(await listRunInvoices(db(), { businessId: 'other@example.dk', runId: 'r-person', offset: 0, limit: 2 }, '2026-11-20')).toBeNull();
  });

  it('reads everything for an export in batches, each row once', async () => {
    const history = new HistoryService({
      db: db(),
      businessId: BUSINESS,
      runner: { getRun: jest.fn(), getRunSummary: jest.fn() },
      today: async () => '2026-11-20',
    });
    const ids: string[] = [];
    for await (const batch of history.allRuns({})) ids.push(...batch.map((r) => r.id));
    const total = (await history.runs({ offset: 0, limit: 1 })).total;
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const invoices = await history.allRunInvoices('r-person');
    const numbers: (string | null)[] = [];
    for await (const batch of invoices!) numbers.push(...batch.map((i) => i.number));
    expect(numbers).toEqual(['S-0', 'S-1', 'S-2', 'S-3', 'S-4']);
    expect(await history.allRunInvoices('run-other')).toBeNull();
  });
});
