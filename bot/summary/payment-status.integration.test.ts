import type { Kysely } from 'kysely';
import { zonedTimeToUtc } from '../../service/domain/zoned-time';
import { syncReconcile } from '../../service/invoicing/reconcile';
import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { People } from '../../service/identity/people';
import { silentLogger } from '../../service/logging/logger';
import { PaymentsService } from '../../service/payments';
import type { Database } from '../../service/store';
import { describeEachStore } from '../../service/store/testing/test-stores';
import type { BotServices, CardMessenger } from '../actions';
import type { AdaptiveCardJson } from '../cards';
import { ConversationStore } from '../../service/conversations';
import { postOverdueCards } from './overdue-cards';
import { businessStatus } from '../../service/app/business-status';
import { botStores } from '../actions/testing/bot-stores';

class RecordingMessenger implements CardMessenger {
  readonly sent: Array<{ conversationId: string; card: AdaptiveCardJson }> = [];
  async send(conversationId: string, card: AdaptiveCardJson): Promise<string> {
    this.sent.push({ conversationId, card });
    return `msg-${this.sent.length}`;
  }
  async update(): Promise<void> {}
}

const FIXED = 'Fysioterapi, opfølgning';
const ZONE = 'Europe/Copenhagen';
const TARGETS = ['a:chat-anna', '19:general@thread.tacv2'];
/** Monday 2026-11-16, 08:30 in Copenhagen: the weekly card (Monday 08:00) is due; the business's today is 2026-11-16. */
const MONDAY = zonedTimeToUtc({ year: 2026, month: 11, day: 16, hour: 8, minute: 30 }, ZONE);

describeEachStore('payment status after a sync, and the weekly overdue card (against the BC emulator)', (_getStore, suite) => {
  let k: InvoiceKit;
  let db: Kysely<Database>;
  beforeAll(async () => {
    db = (await suite.freshTarget().open()).db;
    k = await startInvoiceKit(db);
    k.setSetup({ invoiceGrouping: 'perAppointment', dailySummary: { ...k.setup.dailySummary, timeZone: ZONE, conversationIds: 'all' } });
  });
  afterAll(() => k.h.close());

  /** What the sandbox (and a test) does where Business Central would apply a cash receipt: the emulator's admin endpoint. */
  async function emulator(invoiceId: string, action: 'payment' | 'dueDate', body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${new URL(k.h.bcApiBaseUrl).origin}/_emulator/salesInvoices/${invoiceId}/${action}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${k.h.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  const services = (clock: () => Date): BotServices => ({
    ...botStores(db, clock, { businessId: k.h.businessId, currentSetup: async () => k.setup }),
    logger: silentLogger,
    businessId: k.h.businessId,
    currentSetup: async () => k.setup,
    invoices: k.runner(),
    sync: { requestSync: async () => 'x', recentRuns: async () => [] },
    staffNames: async () => new Map(),
    companyNames: async () => new Map(),
    businessNames: async () => new Map(),
    appointments: { markNoShow: jest.fn() },
    people: new People(db, clock),
    status: () => businessStatus({ db, businessId: k.h.businessId, clock, currentSetup: async () => k.setup }),
    tab: { appId: 'app-1', webUrl: 'http://localhost:3978/tab/unbilled' },
    roles: { homeTenantId: undefined, sandboxAnyTenant: true },
    clock,
  });

  it('reflects a paid and an overdue invoice after the sync, and the weekly card lists the overdue one once', async () => {
    const chosen = (await k.ended(FIXED)).slice(0, 3);
    expect(chosen).toHaveLength(3);
    const run = await k.runner().run({ kind: 'ids', appointmentIds: chosen.map((c) => c.id) }, 'anna@contoso.com', 'tab');
    expect(run.state).toBe('succeeded');
    const [paid, overdue, draft] = chosen.map((c) => run.invoices.find((i) => i.appointmentIds.includes(c.id))!);

    // Two are posted; one is then paid in full, the other's due date lies before today.
    await k.h.bcClient.postSalesInvoice(paid!.bcInvoiceId!);
    await k.h.bcClient.postSalesInvoice(overdue!.bcInvoiceId!);
    const bcPaid = k.bcInvoices().find((i) => i.id === paid!.bcInvoiceId)!;
    expect(bcPaid.remainingAmount).toBe(bcPaid.totalAmountIncludingTax);
    expect(await emulator(paid!.bcInvoiceId!, 'payment', {})).toMatchObject({ status: 'Paid', remainingAmount: 0 });
    expect(await emulator(overdue!.bcInvoiceId!, 'dueDate', { dueDate: '2026-11-02' })).toMatchObject({ status: 'Open', dueDate: '2026-11-02' });
    // A partial payment leaves the rest owed (and the invoice open).
    const bcOverdue = k.bcInvoices().find((i) => i.id === overdue!.bcInvoiceId)!;
    const total = Math.round(bcOverdue.totalAmountIncludingTax * 100);
    expect(await emulator(overdue!.bcInvoiceId!, 'payment', { amount: 100 })).toMatchObject({ status: 'Open', remainingAmount: (total - 10000) / 100 });

    expect(await syncReconcile(k.h.context(db))).toMatchObject({ updated: 2, unchanged: 1, removed: 0 });

    const payments = new PaymentsService({ db, businessId: k.h.businessId, setup: async () => k.setup, clock: () => MONDAY });
    const all = await payments.list({});
    expect(all.today).toBe('2026-11-16');
    const state = (id: string) => all.items.find((i) => i.id === id);
    expect(state(paid!.id)).toMatchObject({ state: 'paid', payment: { bcStatus: 'Paid', remaining: { minor: 0, currency: 'DKK' } } });
    expect(state(overdue!.id)).toMatchObject({ state: 'overdue', payment: { bcStatus: 'Open', remaining: { minor: total - 10000 }, dueDate: '2026-11-02' } });
    expect(state(draft!.id)).toMatchObject({ state: 'draft', payment: null });
    expect(state(paid!.id)!.number).toBe(bcPaid.number);

    const overdueOnly = await payments.list({ overdue: true });
    expect(overdueOnly.items.map((i) => i.id)).toEqual([overdue!.id]);
    expect(overdueOnly.outstanding).toEqual([{ minor: total - 10000, currency: 'DKK' }]);
    // The customer view: that customer's invoices only.
    const customerView = await payments.list({ customer: overdue!.customer.email.toUpperCase() });
    expect(customerView.items.length).toBeGreaterThan(0);
    expect(customerView.items.every((i) => i.customer.email === overdue!.customer.email)).toBe(true);
    // Before the due date passes, nothing is overdue.
    const early = new PaymentsService({ db, businessId: k.h.businessId, setup: async () => k.setup, clock: () => new Date('2026-11-02T12:00:00Z') });
    expect((await early.list({ overdue: true })).total).toBe(0);

    // The paid invoice is in the audit log; a second sync changes nothing.
    const audit = await db.selectFrom('audit_log').select(['action', 'subject']).where('action', '=', 'invoice.paid').execute();
    expect(audit).toEqual([{ action: 'invoice.paid', subject: paid!.id }]);
    expect(await syncReconcile(k.h.context(db))).toMatchObject({ updated: 0, unchanged: 3 });

    // The weekly card: to each summary conversation once, naming the customer, the amount owed and the due date, with a link.
    const conversations = new ConversationStore(db, () => MONDAY);
    for (const id of TARGETS) {
      await conversations.upsert({
        id,
        tenantId: 't',
        serviceUrl: 'http://127.0.0.1:1/',
        conversationType: id.startsWith('19:') ? 'channel' : 'personal',
        reference: JSON.stringify({ conversation: { id }, serviceUrl: 'http://127.0.0.1:1/', locale: id.startsWith('a:') ? 'da-DK' : 'en-US' }),
        teamId: id.startsWith('19:') ? id : null,
        channelId: id.startsWith('19:') ? id : null,
      });
    }
    const messenger = new RecordingMessenger();
    const deps = { services: services(() => MONDAY), messenger, conversations, payments };
    // Sunday evening: not due yet.
    expect((await postOverdueCards(deps, new Date(MONDAY.getTime() - 12 * 3_600_000))).key).toBeUndefined();
    const [first, second] = await Promise.all([postOverdueCards(deps, MONDAY), postOverdueCards({ ...deps, services: services(() => MONDAY) }, MONDAY)]);
    expect([...first.posted, ...second.posted].sort()).toEqual([...TARGETS].sort());
    expect((await postOverdueCards(deps, new Date(MONDAY.getTime() + 3_600_000))).alreadyPosted.sort()).toEqual([...TARGETS].sort());
    expect(messenger.sent).toHaveLength(2);

    const english = JSON.stringify(messenger.sent.find((s) => s.conversationId === '19:general@thread.tacv2')!.card);
    const danish = JSON.stringify(messenger.sent.find((s) => s.conversationId === 'a:chat-anna')!.card);
    const owed = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'DKK' }).format((total - 10000) / 100);
    expect(english).toContain('Overdue invoices');
    expect(english).toContain(owed);
    expect(english).toContain('due Nov 2, 2026');
    expect(english).toContain(`[${bcOverdue.number}](http://127.0.0.1:`);
    const name = overdue!.customer.name;
    expect(name).not.toBe('');
    expect(english).toContain(name.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').slice(0, 20));
    expect(danish).toContain('Forfaldne fakturaer');
    // Neither the paid invoice nor any raw id is in what people read (a link's target is not read).
    const visible = english.replace(/\]\([^)]*\)/g, ']');
    expect(visible).not.toContain(bcPaid.number);
    for (const raw of [overdue!.id, overdue!.bcInvoiceId!, run.id, paid!.id, k.h.companyId]) expect(visible).not.toContain(raw);
  });
});
