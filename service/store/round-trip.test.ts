import { sql } from 'kysely';
import { z } from 'zod';
import { fromFlag, readJson, toFlag, writeJson } from './columns';
import type { NewRow, TableName } from './database';
import { describeEachStore } from './testing/test-stores';

const NOW = '2026-11-02T08:15:30.123Z';
const LATER = '2026-11-02T09:00:00.000Z';
const UNICODE = 'Søren Ærø Åkesson 日本語 👩‍⚕️ «ﬁ» "quoted" \\ back\nline';
const LONG_NAME = 'Æ'.repeat(5_000) + 'x'.repeat(5_000);
const BIG_MINOR = 9_007_199_254_740;

const attendee = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), timeZone: z.string() });

const rows: { [T in TableName]: NewRow<T> } = {
  app_role_grants: {
    tenant_id: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    object_id: '6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11',
    roles: writeJson(['Admin', UNICODE]),
    expires_at: LATER,
    seen_at: NOW,
  },
  auto_invoice_ticks: {
    business_id: 'contoso@contoso.onmicrosoft.com',
    tick_key: '2026-11-02',
    run_id: 'run-1',
    created_at: NOW,
    announced_at: null,
  },
  people: {
    actor: '72f988bf-86f1-41af-91ab-2d7cd011db47/6f1c0b1e-4a59-4a43-9a7e-2d3c1b0e9f11',
    display_name: UNICODE,
    seen_at: NOW,
  },
  setup: {
    id: 'setup-1',
    business_id: 'contoso@contoso.onmicrosoft.com',
    company_id: '5d115c9c-44e3-ea11-bb43-000d3a2feca1',
    data: writeJson({ syncIntervalMinutes: 15, pricesIncludeVat: true, name: UNICODE }),
    version: 3,
    updated_at: NOW,
    updated_by: 'admin@contoso.com',
  },
  appointments: {
    id: 'AAMkADKnAAA=',
    business_id: 'contoso@contoso.onmicrosoft.com',
    start_utc: NOW,
    end_utc: LATER,
    duration_minutes: 45,
    service_id: 'svc-1',
    service_name: UNICODE,
    staff_member_ids: writeJson(['staff-1', 'staff-2']),
    customers: writeJson([{ id: 'cust-1', name: LONG_NAME, email: 'søren@example.dk', timeZone: 'Europe/Copenhagen' }]),
    price_minor: BIG_MINOR,
    currency: 'DKK',
    price_type: 'hourly',
    state: 'unbilled',
    claimed_by_run: null,
    no_show: 1,
    cancelled_seen_at: NOW,
    invoice_id: null,
    review_reason: null,
    content_hash: 'sha256:abc',
    last_seen_sync: 'sync-1',
    graph_last_updated: NOW,
    created_at: NOW,
    updated_at: NOW,
    customer_count: 1,
    customers_without_email: 0,
    entered_price_minor: null,
    search_text: 'søren@example.dk',
    customers_blocked: 1,
    last_attempt_failed: 1,
    linked_bc_customer_id: 'bc-customer-1',
    linked_bc_customer_number: '10000',
    linked_bc_customer_name: 'Åse Ærbø',
  },
  customers: {
    business_id: 'b',
    id: 'cust-1',
    display_name: LONG_NAME,
    email: 'Søren@Example.dk',
    email_normalized: 'søren@example.dk',
    time_zone: 'Romance Standard Time',
    updated_at: NOW,
  },
  customer_links: {
    business_id: 'b',
    bookings_customer_id: 'cust-1',
    bc_customer_id: 'bc-cust-1',
    bc_customer_number: 'C00010',
    linked_at: NOW,
    created_by_us: toFlag(true),
    skip_reason: null,
    bc_blocked: toFlag(true),
    note: 'Email too long for Business Central (over 80 characters): created without email',
  },
  services: {
    business_id: 'b',
    id: 'svc-1',
    display_name: UNICODE,
    default_price_minor: BIG_MINOR,
    currency: 'DKK',
    default_price_type: 'fixedPrice',
    default_duration_minutes: 60,
    updated_at: NOW,
  },
  service_links: {
    business_id: 'b',
    bookings_service_id: 'svc-1',
    bc_item_id: 'item-1',
    bc_item_number: '1000',
    linked_at: NOW,
    conflict_reason: null,
    bc_item_unit_price_minor: 49500,
    currency: 'DKK',
  },
  invoice_runs: {
    id: 'run-1',
    business_id: 'b',
    requested_by: 'user@contoso.com',
    source: 'tab',
    selection: writeJson({ appointmentIds: ['AAMkADKnAAA='] }),
    state: 'running',
    phase: 'creating',
    planned_count: 2,
    created_count: 1,
    failed_count: 0,
    totals: writeJson({ DKK: BIG_MINOR }),
    error: null,
    created_at: NOW,
    updated_at: NOW,
    finished_at: null,
    holder: 'runner-1',
    heartbeat_at: NOW,
    after_create: 'send',
    skipped: writeJson([{ appointmentId: 'a-2', reason: 'free' }]),
    retry_of: null,
  },
  invoices: {
    id: 'inv-1',
    run_id: 'run-1',
    business_id: 'b',
    bc_customer_id: 'bc-cust-1',
    external_document_number: 'BK-RUN1-0001',
    bc_invoice_id: null,
    bc_number: null,
    posted_number: null,
    status: 'planned',
    amount_minor: BIG_MINOR,
    currency: 'DKK',
    appointment_ids: writeJson(['AAMkADKnAAA=']),
    error: UNICODE,
    created_at: NOW,
    updated_at: NOW,
    customer_email: 'søren@example.dk',
    customer_name: LONG_NAME,
    bc_customer_number: 'C00010',
    invoice_date: '2026-11-02',
    verify_problem: null,
    url: 'http://127.0.0.1/sandbox/companies/c/salesInvoices/i',
    position: 3,
    prices_include_tax: toFlag(true),
    bc_total_excl_minor: 39600,
    bc_total_incl_minor: BIG_MINOR,
    bc_tax_minor: 9900,
    bc_status: 'Open',
    remaining_minor: BIG_MINOR,
    due_date: '2026-12-02',
    in_doubt_since: NOW,
    post_started_at: NOW,
    posted_at: NOW,
    send_started_at: NOW,
    sent_at: NOW,
    after_create_error: 'send-failed',
  },
  invoice_lines: {
    id: 'line-1',
    invoice_id: 'inv-1',
    run_id: 'run-1',
    business_id: 'b',
    appointment_id: 'AAMkADKnAAA=',
    position: 0,
    customer_email: 'søren@example.dk',
    customer_name: LONG_NAME,
    bookings_customer_id: 'cust-1',
    service_name: UNICODE,
    start_utc: NOW,
    duration_minutes: 50,
    staff_names: writeJson(['Mette Holm']),
    fee_kind: 'no-show',
    price_type: 'hourly',
    price_source: 'bookings',
    review: writeJson([]),
    quantity: '0.83333',
    unit_price_minor: 59500,
    amount_minor: BIG_MINOR,
    currency: 'DKK',
    bc_item_id: 'item-1',
    state: 'planned',
    created_at: NOW,
    updated_at: NOW,
  },
  bc_customer_terms: { business_id: 'b', bc_customer_id: 'bc-cust-1', prices_include_tax: toFlag(false), updated_at: NOW },
  bc_item_terms: { business_id: 'b', bc_item_id: 'item-1', vat_percent_milli: 12_500, updated_at: NOW },
  sync_runs: {
    id: 'sync-1',
    business_id: 'b',
    state: 'running',
    phase: 'appointments',
    progress_done: 10,
    progress_total: 200,
    added_count: 5,
    updated_count: 3,
    unchanged_count: 2,
    removed_count: 0,
    error: null,
    started_at: NOW,
    updated_at: NOW,
    finished_at: null,
    requested_by: 'anna@contoso.com',
    source: 'cli',
    rejected_count: 1,
  },
  sync_checkpoints: { business_id: 'b', kind: 'appointments', checkpoint: writeJson({ windowStart: NOW }), updated_at: NOW },
  sync_rejects: { business_id: 'b', sync_run_id: 'sync-1', entity: 'bookingAppointment', record_id: null, reason: UNICODE, at: NOW },
  conversations: {
    id: '19:abc@thread.tacv2',
    tenant_id: 'tenant-1',
    service_url: 'https://smba.trafficmanager.net/emea/',
    conversation_type: 'channel',
    reference: writeJson({ conversation: { id: '19:abc@thread.tacv2' }, locale: 'da-DK' }),
    team_id: 'team-1',
    channel_id: 'channel-1',
    installed_by: 'user-1',
    created_at: NOW,
    name: `Klinik › ${UNICODE}`,
    last_post_at: LATER,
    last_post_error: UNICODE,
  },
  posted_cards: {
    id: 'card-1',
    conversation_id: '19:abc@thread.tacv2',
    activity_id: '1700000000000',
    kind: 'daily-summary',
    period_key: '2026-11-01',
    run_id: null,
    payload: writeJson({ title: UNICODE }),
    created_at: NOW,
    updated_at: NOW,
  },
  audit_log: {
    at: NOW,
    actor: 'user@contoso.com',
    source: 'tab',
    action: 'appointment.exclude',
    subject: 'AAMkADKnAAA=',
    details: writeJson({ reason: UNICODE }),
  },
  leases: { name: 'sync', holder: 'process-1', expires_at: LATER, acquired_at: NOW, token: 7 },
};

// Parents before children (foreign keys).
const ORDER: TableName[] = [
  'setup',
  'appointments',
  'customers',
  'customer_links',
  'services',
  'service_links',
  'invoice_runs',
  'invoices',
  'invoice_lines',
  'bc_customer_terms',
  'bc_item_terms',
  'sync_runs',
  'sync_checkpoints',
  'conversations',
  'posted_cards',
  'audit_log',
  'leases',
];

describeEachStore('round trip', (getStore, suite) => {
  beforeAll(async () => {
    for (const table of ORDER) await getStore().db.insertInto(table).values(rows[table]).execute();
  });

  it.each(ORDER)('returns the row written to %s unchanged', async (table) => {
    const rowsRead: Record<string, unknown>[] = await getStore().db.selectFrom(table).selectAll().execute();
    // The Unbilled list's columns are the triggers' to write, not the writer's (list-columns.test.ts checks their values).
    const stored = rowsRead.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !column.startsWith('list_'))));
    expect(stored).toEqual([table === 'audit_log' ? { id: expect.any(Number), ...rows[table] } : rows[table]]);
  });

  it('keeps a 10,000-character name, unicode and bigint money exactly', async () => {
    const customer = await getStore().db.selectFrom('customers').selectAll().executeTakeFirstOrThrow();
    expect(customer.display_name).toHaveLength(10_000);
    expect(customer.display_name).toBe(LONG_NAME);
    const appointment = await getStore().db.selectFrom('appointments').selectAll().executeTakeFirstOrThrow();
    expect(appointment.service_name).toBe(UNICODE);
    expect(appointment.price_minor).toBe(BIG_MINOR);
    expect(readJson(z.array(attendee), appointment.customers, 'appointments.customers')[0]?.name).toBe(LONG_NAME);
  });

  it('reads flags back as booleans', async () => {
    const link = await getStore().db.selectFrom('customer_links').select('created_by_us').executeTakeFirstOrThrow();
    expect(fromFlag(link.created_by_us)).toBe(true);
  });

  it('returns sums and counts of bigint money as numbers', async () => {
    const { db } = getStore();
    await db
      .insertInto('invoices')
      .values({ ...rows.invoices, id: 'inv-2', external_document_number: 'BK-RUN1-0002' })
      .execute();
    const totals = await db
      .selectFrom('invoices')
      .select((eb) => [eb.fn.sum<number>('amount_minor').as('total'), eb.fn.countAll<number>().as('count')])
      .executeTakeFirstOrThrow();
    expect(totals).toEqual({ total: 2 * BIG_MINOR, count: 2 });
  });

  it('rejects JSON that does not match its schema when read', async () => {
    const appointment = await getStore().db.selectFrom('appointments').selectAll().executeTakeFirstOrThrow();
    expect(() => readJson(z.array(z.number()), appointment.staff_member_ids, 'appointments.staff_member_ids')).toThrow(
      'Stored appointments.staff_member_ids is not valid',
    );
  });

  if (suite.kind === 'postgres')
    it('refuses an int8 beyond the safe integer range rather than round it', async () => {
      await expect(sql`select 9007199254740993::bigint as n`.execute(getStore().db)).rejects.toThrow(RangeError);
    });
});
