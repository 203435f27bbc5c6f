import type {
  AfterCreate,
  RunStartOptions,
  AuditEntry,
  BcCustomerChoice,
  BcItemChoice,
  LinkChoice,
  AppointmentLinkChoice,
  AuditQuery,
  ExportLanguage,
  InvoiceRunsQuery,
  PaymentCustomer,
  PaymentCustomersQuery,
  PaymentItem,
  PaymentsQuery,
  RunInvoiceWithPayment,
  RunInvoicesQuery,
  CardPreviewQuery,
  CardPreviewResponse,
  CatalogResponse,
  EnteredPriceRequest,
  ConversationsResponse,
  MeResponse,
  InvoiceRunSummary,
  Preview,
  RunSummary,
  SelectionInput,
  Setup,
  SetupResponse,
  SetupTablesQuery,
  SetupTablesResponse,
  SyncRunView,
  UnbilledQuery,
  UnbilledRow,
} from '../../../../contract/api-contract';
import type { ExportRequest } from '../export-path';
import { setupSchema } from '../../../../contract/api-contract';
import type { Api, ExportedFile } from '../api';
import { ApiError } from '../api-error';
import { escapeMarkdown } from '../../../../bot/cards/escape-markdown';
import { isSyncErrorKind, syncErrorWords } from '../../../../service/jobs/sync-error-words';
import { mergePatch } from '../../../../service/setup/merge-patch';

/** An in-memory server for the pages' tests: it records what it was asked and answers from plain data. */
export class FakeApi implements Api {
  readonly unbilledQueries: UnbilledQuery[] = [];
  readonly previewed: SelectionInput[] = [];
  readonly started: SelectionInput[] = [];
  /** What each startRun asked for after the drafts (empty: the setup's choice). */
  readonly startOptions: RunStartOptions[] = [];
  /** The setup's after-create choice, as previews report it. */
  afterCreate: AfterCreate = 'draft';
  readonly excluded: string[] = [];
  readonly included: string[] = [];
  /** Each no-show change asked for, in order. */
  readonly noShows: { id: string; noShow: boolean }[] = [];
  /** Answers to the no-show endpoints before the default (apply the change). */
  noShowFailures: ApiError[] = [];
  readonly prices: { id: string; price: EnteredPriceRequest['price'] }[] = [];
  readonly patches: { patch: Record<string, unknown>; version: number }[] = [];
  rows: UnbilledRow[];
  setupState: SetupResponse;
  /** Answers to PATCH /api/setup before the default (apply the patch). */
  patchFailures: ApiError[] = [];
  /** How many polls a run reports "creating" before it finishes. */
  pollsBeforeDone = 1;
  runSummaries: InvoiceRunSummary[] = [];
  meRoles: MeResponse['roles'] = ['admin'];
  auditEntries: AuditEntry[] = [];
  /** Each run's invoices, for the History drill-down. */
  runInvoicesState: Record<string, RunInvoiceWithPayment[]> = {};
  /** The business's local date the payment states were decided on. */
  today = '2026-11-20';
  /** The business's invoices with their payment state, for GET /api/payments. */
  paymentItems: PaymentItem[] = [];
  readonly paymentsQueries: PaymentsQuery[] = [];
  /** The customer view's rows, in the order asked for. */
  paymentCustomersState: PaymentCustomer[] = [];
  readonly paymentCustomersQueries: PaymentCustomersQuery[] = [];
  readonly retried: string[] = [];
  readonly exports: { request: ExportRequest; lang: ExportLanguage }[] = [];
  /** What the next exports answer before the default file. */
  exportFailures: ApiError[] = [];
  /** fakeRow's service and staff member, named, among others no row uses. */
  catalogState: CatalogResponse = {
    services: [
      { id: 'svc-cut', displayName: 'Klipning' },
      { id: 'svc-colour', displayName: 'Farvning' },
      { id: 'svc-beard', displayName: 'Skægtrimning' },
    ],
    staffMembers: [
      { id: 'staff-1', displayName: 'Mette Hansen' },
      { id: 'staff-2', displayName: 'Åse Berg' },
      { id: 'staff-3', displayName: 'Anders Holm' },
    ],
  };
  catalogCalls = 0;
  /** A Danish company's set-up tables, as GET /api/business-central/setup-tables answers. */
  setupTablesState: SetupTablesResponse = fakeSetupTables();
  readonly setupTablesQueries: SetupTablesQuery[] = [];
  /** Where the app is installed: a personal chat, a group chat and two channels of one team. */
  conversationsState: ConversationsResponse['conversations'] = [
    { id: 'a:anna', type: 'personal', name: 'Personal chat with Anna Admin', lastPost: null },
    { id: '19:reception@thread.v2', type: 'groupChat', name: 'Reception', lastPost: null },
    { id: '19:team@thread.tacv2', type: 'channel', name: 'Salon Ærø › General', lastPost: null },
    { id: '19:booking@thread.tacv2', type: 'channel', name: 'Salon Ærø › Booking', lastPost: null },
  ];
  /** The business's syncs, newest first: by default one that succeeded; [] is a brand-new install. */
  syncHistory: SyncRunView[] = [fakeSyncRun('sync-0')];
  /** Rows Bookings has that the next sync brings: they appear when it succeeds. */
  syncedRows: UnbilledRow[] = [];
  /** How many polls a sync reports "running" before it ends. */
  syncPollsBeforeDone = 1;
  /** Each poll of an unfinished sync waits for the first of these, if any, and takes it: a test moves the sync on a poll at a time. */
  readonly syncHolds: Promise<void>[] = [];
  /** When set, syncs end failed with this error: a sync error kind as the server stores it, or raw text as an older server sent it. */
  syncFailure: string | null = null;
  /** The ids POST /api/sync answered. */
  readonly syncStarts: string[] = [];
  private polls = 0;
  private readonly syncPolls = new Map<string, number>();

  constructor(rows: UnbilledRow[], setup: Partial<Setup> = {}) {
    this.rows = rows;
    this.setupState = {
      setup: setupSchema.parse({ businessId: 'salon@contoso.onmicrosoft.com', ...setup }),
      version: 3,
      updatedAt: null,
      updatedBy: null,
    };
  }

  async me(): Promise<MeResponse> {
    return { id: 'u1', name: 'Anna Admin', roles: this.meRoles, mode: 'sandbox' as const };
  }

  /** While set, each list answer waits for it: a test sees the page between a change and its answer. */
  unbilledHold: Promise<void> | null = null;

  async unbilled(query: UnbilledQuery) {
    this.unbilledQueries.push(query);
    await this.unbilledHold;
    const state = query.state ?? 'invoiceable';
    const matching = this.rows.filter((r) => matchesState(r, state) && (query.reason === undefined || r.reasons.includes(query.reason)));
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? 50);
    const invoiceable = matching.filter((r) => r.reason === null);
    const sum = invoiceable.reduce((s, r) => s + (r.amount?.minor ?? 0), 0);
    return {
      rows: matching.slice(offset, offset + limit),
      total: matching.length,
      totals: { count: invoiceable.length, amounts: [{ minor: sum, currency: 'DKK' }] },
      byDay: [{ day: '2026-11-02', count: invoiceable.length, amounts: [{ minor: sum, currency: 'DKK' }] }],
      offset,
      limit,
      // As the server: a full page names where the next one starts.
      ...(matching.length >= offset + limit ? { after: `after-${offset + limit - 1}` } : {}),
    };
  }

  async catalog() {
    this.catalogCalls += 1;
    return this.catalogState;
  }

  private selected(selection: SelectionInput): UnbilledRow[] {
    if (selection.kind === 'ids') return this.rows.filter((r) => selection.appointmentIds.includes(r.id));
    return this.rows.filter((r) => r.reason === null);
  }

  async previewRun(selection: SelectionInput): Promise<Preview> {
    this.previewed.push(selection);
    const chosen = this.selected(selection);
    // As the server: what is no longer invoiceable (invoiced, excluded, blocked since) is skipped with its reasons.
    const rows = chosen.filter((r) => r.reason === null && r.state === 'unbilled');
    const skipped = chosen
      .filter((r) => !rows.includes(r))
      .map((r) => {
        const reasons = r.reasons.length > 0 ? r.reasons : r.state === 'invoiced' ? (['invoiced'] as const) : (['unknown'] as const);
        return { appointmentId: r.id, reason: reasons[0], reasons: [...reasons] };
      });
    return {
      afterCreate: this.afterCreate,
      invoices: rows.map((r) => ({
        customer: { name: r.customers[0]?.name ?? '', email: r.customers[0]?.email ?? '' },
        invoiceDate: '2026-11-03',
        appointmentIds: [r.id],
        lines: [],
        total: r.amount ?? { minor: 0, currency: 'DKK' },
      })),
      skipped,
      totals: [{ minor: rows.reduce((s, r) => s + (r.amount?.minor ?? 0), 0), currency: 'DKK' }],
      counts: { appointments: rows.length, invoices: rows.length, customers: rows.length },
    };
  }

  async startRun(selection: SelectionInput, options: RunStartOptions = {}) {
    this.started.push(selection);
    this.startOptions.push(options);
    this.polls = 0;
    return { runId: 'run-1' };
  }

  /** While set, each poll of a run waits for it: a test moves on while a run is still being followed. */
  runHold: Promise<void> | null = null;
  /** The runs whose invoices were asked for, in order. */
  readonly runInvoicesAsked: string[] = [];

  /** The summary polled; once done, the run's invoices are in `runInvoicesState` (the last one failed). */
  async run(id: string): Promise<RunSummary> {
    this.polls += 1;
    await this.runHold;
    const selection = this.started.at(-1) ?? { kind: 'ids' as const, appointmentIds: [] };
    const rows = this.selected(selection);
    const done = this.polls > this.pollsBeforeDone;
    if (done && rows.length > 0) this.runInvoicesState[id] ??= rows.map((r, i) => fakeRunInvoice(r, i, i === rows.length - 1));
    return {
      id,
      state: done ? 'partial' : 'creating',
      finished: done,
      requestedBy: 'Anna Admin',
      source: 'tab',
      selection: selection.kind === 'ids' ? { kind: 'ids', appointmentIds: selection.appointmentIds } : { kind: 'filter' },
      retryOf: null,
      afterCreate: 'draft',
      progress: { planned: rows.length, created: done ? rows.length - 1 : 0, failed: done ? 1 : 0 },
      totals: [],
      errorKind: null,
      counts: { appointments: done ? rows.length - 1 : 0, invoices: done ? rows.length - 1 : 0, customers: done ? rows.length - 1 : 0 },
      byStatus: done && rows.length > 0 ? { created: rows.length - 1, failed: 1 } : {},
      skippedCount: 0,
      error: null,
      createdAt: '2026-11-03T08:00:00Z',
      finishedAt: done ? '2026-11-03T08:00:05Z' : null,
    };
  }

  async retryRun(id: string) {
    this.retried.push(id);
    this.polls = 0;
    return { runId: 'run-2' };
  }

  async runs(query: InvoiceRunsQuery) {
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? 50);
    return { runs: this.runSummaries.slice(offset, offset + limit), total: this.runSummaries.length, offset, limit };
  }

  async runInvoices(runId: string, query: RunInvoicesQuery) {
    this.runInvoicesAsked.push(runId);
    const all = this.runInvoicesState[runId];
    if (all === undefined) throw new ApiError('not_found', `No invoice run ${runId}`, 404);
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? 50);
    return { invoices: all.slice(offset, offset + limit), total: all.length, offset, limit, today: this.today };
  }

  async exportCsv(request: ExportRequest, lang: ExportLanguage): Promise<ExportedFile> {
    this.exports.push({ request, lang });
    const failure = this.exportFailures.shift();
    if (failure) throw failure;
    return { fileName: `${request.kind}.csv`, blob: new Blob(['\uFEFFa,b\r\n'], { type: 'text/csv' }) };
  }

  async exclude(id: string) {
    this.excluded.push(id);
    this.rows = this.rows.map((r) => (r.id === id ? { ...r, state: 'excluded' as const, reason: 'excluded' as const, reasons: ['excluded' as const] } : r));
    return { id, change: 'excluded' as const };
  }

  async include(id: string) {
    this.included.push(id);
    this.rows = this.rows.map((r) => (r.id === id ? { ...r, state: 'unbilled' as const, reason: null, reasons: [] } : r));
    return { id, change: 'included' as const };
  }

  async markNoShow(id: string) {
    return this.setNoShow(id, true);
  }

  async attended(id: string) {
    return this.setNoShow(id, false);
  }

  private setNoShow(id: string, noShow: boolean) {
    this.noShows.push({ id, noShow });
    const failure = this.noShowFailures.shift();
    if (failure) throw failure;
    this.rows = this.rows.map((r) => (r.id === id ? { ...r, noShow } : r));
    return { id, change: noShow ? ('no-show' as const) : ('attended' as const) };
  }

  /** Business Central's Service items and customers, for the link picker. */
  itemChoices: BcItemChoice[] = [
    { id: 'item-guid-1000', number: '1000', displayName: 'Klipning', unitPrice: { minor: 39_600, currency: 'DKK' }, sameName: true },
    { id: 'item-guid-1001', number: '1001', displayName: 'Massage 30 min', unitPrice: { minor: 36_000, currency: 'DKK' }, sameName: false },
  ];
  customerChoices: BcCustomerChoice[] = [
    { id: 'cust-guid-10000', number: '10000', displayName: 'Søren Østergård', email: 'soeren@example.dk', blocked: false },
    { id: 'cust-guid-10001', number: '10001', displayName: 'Bent Ravn', email: 'bent@example.dk', blocked: true },
  ];
  readonly serviceLinks: { id: string; choice: LinkChoice }[] = [];
  readonly customerLinks: { id: string; choice: LinkChoice }[] = [];
  readonly appointmentCustomers: { id: string; choice: AppointmentLinkChoice }[] = [];
  readonly linkSearches: string[] = [];

  async serviceLinkChoices(id: string, search: string) {
    this.linkSearches.push(search);
    const name = this.catalogState.services.find((s) => s.id === id)?.displayName ?? id;
    const conflict = this.itemChoices.find((i) => i.sameName);
    const words = search.toLowerCase();
    return {
      service: { id, name, linkedItem: null, conflict: conflict ? { number: conflict.number, displayName: conflict.displayName } : null },
      items: this.itemChoices.filter((i) => `${i.number} ${i.displayName}`.toLowerCase().includes(words)),
      more: false,
    };
  }

  async linkService(id: string, choice: LinkChoice) {
    this.serviceLinks.push({ id, choice });
    const item = choice.kind === 'existing' ? this.itemChoices.find((i) => i.id === choice.id) : undefined;
    if (choice.kind === 'existing' && item === undefined) throw new ApiError('conflict', 'Business Central has no such record any more: search again', 409);
    // As the server: every row of the service has its item now.
    let appointments = 0;
    this.rows = this.rows.map((r) => {
      if (r.serviceId !== id) return r;
      appointments++;
      const reasons = r.reasons.filter((x) => x !== 'service-not-linked');
      return { ...r, reasons, reason: reasons[0] ?? null };
    });
    const name = this.catalogState.services.find((s) => s.id === id)?.displayName ?? id;
    return { number: item?.number ?? '1100', displayName: item?.displayName ?? name, created: choice.kind === 'create', appointments };
  }

  async customerLinkChoices(id: string, search: string) {
    this.linkSearches.push(search);
    const attendee = this.rows.flatMap((r) => r.customers).find((c) => c.customerId === id);
    const words = search.toLowerCase();
    return {
      customer: { id, name: attendee?.name ?? id, email: attendee?.email ?? '', linkedCustomer: null },
      customers: this.customerChoices.filter((c) => `${c.number} ${c.displayName} ${c.email}`.toLowerCase().includes(words)),
      more: false,
    };
  }

  async linkCustomer(id: string, choice: LinkChoice) {
    this.customerLinks.push({ id, choice });
    const target = choice.kind === 'existing' ? this.customerChoices.find((c) => c.id === choice.id) : undefined;
    const name = this.rows.flatMap((r) => r.customers).find((c) => c.customerId === id)?.name ?? id;
    const number = target?.number ?? '10100';
    let appointments = 0;
    this.rows = this.rows.map((r) => {
      if (!r.customers.some((c) => c.customerId === id)) return r;
      appointments++;
      const customers = r.customers.map((c) => (c.customerId === id ? { ...c, businessCentral: { number, blocked: target?.blocked ?? false } } : c));
      const stillWithout = customers.some((c) => c.email === '' && !c.businessCentral);
      const reasons = r.reasons.filter((x) => x !== 'customer-without-email' || stillWithout);
      return { ...r, customers, reasons, reason: reasons[0] ?? null };
    });
    return { number, displayName: target?.displayName ?? name, created: choice.kind === 'create', appointments };
  }

  async appointmentCustomerChoices(id: string, search: string) {
    this.linkSearches.push(search);
    const words = search.toLowerCase();
    return {
      customer: { id, name: this.rows.find((r) => r.id === id)?.serviceName ?? id, email: '', linkedCustomer: null },
      customers: this.customerChoices.filter((c) => `${c.number} ${c.displayName} ${c.email}`.toLowerCase().includes(words)),
      more: false,
    };
  }

  async linkAppointmentCustomer(id: string, choice: AppointmentLinkChoice) {
    this.appointmentCustomers.push({ id, choice });
    const target = choice.kind === 'existing' ? this.customerChoices.find((c) => c.id === choice.id) : undefined;
    // As the server: the appointment now has its one customer.
    this.rows = this.rows.map((r) => {
      if (r.id !== id) return r;
      const reasons = r.reasons.filter((x) => x !== 'no-customer');
      return { ...r, reasons, reason: reasons[0] ?? null };
    });
    return {
      number: target?.number ?? '10200',
      displayName: target?.displayName ?? (choice.kind === 'create' ? choice.name : id),
      created: choice.kind === 'create',
      appointments: 1,
    };
  }

  async setPrice(id: string, price: EnteredPriceRequest['price']) {
    this.prices.push({ id, price });
    // As the server: the typed price makes a "price needed" row invoiceable.
    this.rows = this.rows.map((r) => {
      if (r.id !== id || price === null) return r;
      const reasons = r.reasons.filter((x) => x !== 'price-needed');
      const amount = { minor: price.minor * Math.max(1, r.customers.length), currency: price.currency };
      return { ...r, enteredPrice: price, price, amount, reasons, reason: reasons[0] ?? null };
    });
    return { id, change: 'price-entered' as const };
  }

  /** What the scheduler does on a fresh start: a sync is queued; it runs as it is polled. */
  beginSync(): string {
    const id = `sync-${this.syncHistory.length}`;
    this.syncHistory.unshift(
      fakeSyncRun(id, {
        state: 'queued',
        progress: { done: 0, total: 0 },
        counts: { added: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 },
        requestedBy: 'schedule',
        source: 'schedule',
        updatedAt: '2026-11-03T08:00:00Z',
        finishedAt: null,
      }),
    );
    return id;
  }

  /** Joins the sync already queued or running, as the server does. */
  async startSync() {
    const active = this.syncHistory.find((r) => r.state === 'queued' || r.state === 'running');
    const syncRunId = active?.id ?? this.beginSync();
    this.syncStarts.push(syncRunId);
    return { syncRunId };
  }

  /** Each poll moves an unfinished sync on: running for `syncPollsBeforeDone` polls, then it ends. */
  async syncRun(id: string): Promise<SyncRunView> {
    const index = this.syncHistory.findIndex((r) => r.id === id);
    const run = this.syncHistory[index];
    if (!run) throw new ApiError('not_found', `No sync run ${id}`, 404);
    if (run.state !== 'queued' && run.state !== 'running') return run;
    await this.syncHolds.shift();
    const polls = (this.syncPolls.get(id) ?? 0) + 1;
    this.syncPolls.set(id, polls);
    const next =
      polls > this.syncPollsBeforeDone
        ? this.endSync(run)
        : { ...run, state: 'running' as const, phase: 'appointments', progress: { done: polls, total: this.syncPollsBeforeDone + 1 } };
    this.syncHistory[index] = next;
    return next;
  }

  private endSync(run: SyncRunView): SyncRunView {
    const finished = { ...run, phase: null, updatedAt: '2026-11-03T08:00:03Z', finishedAt: '2026-11-03T08:00:03Z' };
    if (this.syncFailure !== null) {
      return isSyncErrorKind(this.syncFailure)
        ? { ...finished, state: 'failed', error: syncErrorWords(this.syncFailure), errorKind: this.syncFailure }
        : { ...finished, state: 'failed', error: this.syncFailure };
    }
    this.rows = [...this.rows, ...this.syncedRows];
    this.syncedRows = [];
    return { ...finished, state: 'succeeded', progress: { done: 10, total: 10 }, counts: fakeSyncRun(run.id).counts };
  }

  async syncRuns(limit = 10) {
    return { runs: this.syncHistory.slice(0, limit) };
  }

  async setup() {
    return this.setupState;
  }

  async patchSetup(patch: Record<string, unknown>, version: number) {
    this.patches.push({ patch, version });
    const failure = this.patchFailures.shift();
    if (failure) throw failure;
    // The server's own merge: objects merge, null removes a key (back to its default).
    const setup = setupSchema.parse(mergePatch(this.setupState.setup, patch));
    this.setupState = { setup, version: version + 1, updatedAt: '2026-11-03T09:00:00Z', updatedBy: 'Anna Admin' };
    return { ...this.setupState, changed: Object.keys(patch) };
  }

  async businesses() {
    return { businesses: [{ id: 'salon@contoso.onmicrosoft.com', displayName: 'Salon Ærø' }] };
  }

  async conversations() {
    return { conversations: this.conversationsState };
  }

  readonly cardPreviewQueries: CardPreviewQuery[] = [];
  /** What the next card previews answer before the default card. */
  cardPreviewFailures: ApiError[] = [];

  /** A small card in the bot's manner: a title, then each row's customer, service and staff by name, markdown escaped. */
  async cardPreview(query: CardPreviewQuery): Promise<CardPreviewResponse> {
    this.cardPreviewQueries.push(query);
    const failure = this.cardPreviewFailures.shift();
    if (failure) throw failure;
    const staff = new Map(this.catalogState.staffMembers.map((s) => [s.id, s.displayName]));
    const line = (r: UnbilledRow) =>
      [r.customers.map((c) => c.name).join(', '), r.serviceName, r.staffMemberIds.map((id) => staff.get(id) ?? '-').join(', ')].join(' · ');
    return {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: query.language === 'da' ? `Daglig oversigt (${query.timeZone})` : `Daily summary (${query.timeZone})`, wrap: true },
        ...this.rows.map((r) => ({ type: 'TextBlock', text: escapeMarkdown(line(r)), wrap: true })),
      ],
    };
  }

  async companies() {
    return { companies: [{ id: '5d115c9c-44e3-ea11-bb43-000d3a2feca1', name: 'CRONUS', displayName: 'CRONUS Danmark A/S' }] };
  }

  async setupTables(query: SetupTablesQuery) {
    this.setupTablesQueries.push(query);
    return this.setupTablesState;
  }

  async testConnections() {
    return {
      bookings: { ok: true, businessName: 'Salon Ærø', currency: 'DKK', problems: [], warnings: [] },
      businessCentral: { ok: true, companyName: 'CRONUS', localCurrency: 'DKK', problems: [], warnings: [], notes: [] },
    };
  }

  async audit(query: AuditQuery) {
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? 50);
    return { entries: this.auditEntries.slice(offset, offset + limit), total: this.auditEntries.length, offset, limit };
  }

  async payments(query: PaymentsQuery) {
    this.paymentsQueries.push(query);
    const overdue = query.overdue === true || query.overdue === 'true';
    const matching = this.paymentItems.filter(
      (i) => (query.customer === undefined || i.customer.email === query.customer) && (!overdue || i.state === 'overdue'),
    );
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? 50);
    return { items: matching.slice(offset, offset + limit), total: matching.length, offset, limit, today: this.today, outstanding: [] };
  }

  async paymentCustomers(query: PaymentCustomersQuery) {
    this.paymentCustomersQueries.push(query);
    const overdue = query.overdue === true || query.overdue === 'true';
    const matching = this.paymentCustomersState.filter((c) => !overdue || c.overdue > 0);
    const offset = Number(query.offset ?? 0);
    const limit = Number(query.limit ?? 50);
    return { customers: matching.slice(offset, offset + limit), total: matching.length, offset, limit, today: this.today };
  }
}

function matchesState(row: UnbilledRow, state: string): boolean {
  switch (state) {
    case 'invoiceable':
      return row.reason === null && row.state === 'unbilled';
    case 'not-invoiceable':
      return row.reason !== null && row.state === 'unbilled';
    case 'unbilled':
      return row.state === 'unbilled';
    case 'all':
      return true;
    default:
      return row.state === state;
  }
}

export function fakeRow(i: number, change: Partial<UnbilledRow> = {}): UnbilledRow {
  return {
    id: `appt-${i}`,
    start: `2026-11-02T${String(8 + (i % 8)).padStart(2, '0')}:00:00Z`,
    end: `2026-11-02T${String(9 + (i % 8)).padStart(2, '0')}:00:00Z`,
    durationMinutes: 60,
    serviceId: 'svc-cut',
    serviceName: 'Klipning',
    staffMemberIds: ['staff-1'],
    customers: [{ customerId: `c${i}`, name: `Kunde ${i}`, email: `kunde${i}@example.dk`, timeZone: null }],
    price: { minor: 45_000, currency: 'DKK' },
    amount: { minor: 45_000, currency: 'DKK' },
    priceType: 'fixedPrice',
    state: 'unbilled',
    reason: null,
    reasons: [],
    note: null,
    reviewReason: null,
    enteredPrice: null,
    noShow: false,
    currency: 'DKK',
    fee: null,
    ...change,
  };
}

export function fakeSyncRun(id: string, change: Partial<SyncRunView> = {}): SyncRunView {
  return {
    id,
    businessId: 'salon@contoso.onmicrosoft.com',
    state: 'succeeded',
    phase: null,
    progress: { done: 10, total: 10 },
    counts: { added: 4, updated: 2, unchanged: 4, removed: 1, rejected: 0 },
    error: null,
    requestedBy: 'Anna Admin',
    source: 'tab',
    startedAt: '2026-11-03T08:00:00Z',
    updatedAt: '2026-11-03T08:00:03Z',
    finishedAt: '2026-11-03T08:00:03Z',
    ...change,
  };
}

/** Payment terms "14 DAGE" and friends, as the sandbox's clinic has them (ids made up, GUID-shaped). */
export function fakeSetupTables(): SetupTablesResponse {
  const entry = (n: number, code: string, displayName: string) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, code, displayName });
  return {
    localCurrency: 'DKK',
    tables: {
      paymentTerms: [entry(1, '8 DAGE', 'Netto 8 dage'), entry(2, '14 DAGE', 'Netto 14 dage'), entry(3, '30 DAGE', 'Netto 30 dage')],
      paymentMethods: [entry(11, 'BANK', 'Bankoverførsel'), entry(12, 'MOBILEPAY', 'MobilePay')],
      shipmentMethods: [entry(21, 'AFHENT', 'Afhentes i klinikken')],
      taxAreas: [entry(31, 'INDENLANDSK', 'Indenlandske kunder'), entry(32, 'EU', 'Kunder i andre EU-lande')],
      taxGroups: [entry(41, 'MOMS25', 'Momspligtig, 25 %'), entry(42, 'MOMSFRI', 'Momsfri sundhedsydelse')],
      unitsOfMeasure: [entry(51, 'STK', 'Stk.'), entry(52, 'TIME', 'Time')],
      itemCategories: [entry(61, 'BEHANDLING', 'Behandlinger'), entry(62, 'TRÆNING', 'Træning og holdundervisning')],
      generalProductPostingGroups: [entry(81, 'DETAIL', 'Detailsalg af varer'), entry(82, 'YDELSER', 'Behandlinger og ydelser')],
      currencies: [entry(71, 'EUR', 'Euro'), entry(72, 'SEK', 'Svensk krone')],
    },
    serviceItems: [entry(91, 'GEBYR', 'Udeblivelsesgebyr'), entry(92, 'GEBYR-SEN', 'Gebyr for sen afbud')],
  };
}

/** The invoice a fake run made of a row: numbered and linked, or failed as blocked. */
function fakeRunInvoice(r: UnbilledRow, i: number, failed: boolean): RunInvoiceWithPayment {
  return {
    id: `inv-${i}`,
    externalDocumentNumber: `BKR-${i}`,
    status: failed ? 'failed' : 'created',
    customer: { name: r.customers[0]?.name ?? '', email: r.customers[0]?.email ?? '' },
    bcCustomerId: null,
    bcCustomerNumber: null,
    bcInvoiceId: null,
    number: failed ? null : `S-INV10300${i + 1}`,
    url: failed ? null : `https://businesscentral.dynamics.com/?page=43&invoice=${i}`,
    invoiceDate: '2026-11-03',
    amount: r.amount ?? { minor: 0, currency: 'DKK' },
    bcTotals: null,
    appointmentIds: [r.id],
    error: failed ? 'Customer is blocked in Business Central' : null,
    draftNumber: null,
    sent: false,
    afterCreateProblem: null,
    verifyProblem: null,
    paymentState: null,
    payment: null,
  };
}
