import { until } from '../testing/until';
import { createBcEmulator, type BcEmulator, type BcEmulatorSettings, type BcListening } from '../../sandbox/bc';
import { createGraphEmulator, type GraphEmulator, type GraphEmulatorSettings, type ListeningGraphEmulator } from '../../sandbox/graph';
import { appointmentSpan } from '../../sandbox/graph/state';
import { mulberry32 } from '../../sandbox/seed/prng';
import { generateSandboxData, SANDBOX_BUSINESS_ID, SANDBOX_COMPANY_ID, type SandboxData } from '../../sandbox/seed';
import {
  BookingsClient,
  BusinessCentralClient,
  customerSchema,
  HttpError,
  salesInvoiceSchema,
  StaticTokenProvider,
  type BookingAppointment,
  type RetryOptions,
} from './index';

/*
 * The product's real clients against the real emulators over HTTP: what the unit tests of each side
 * cannot show is that the two agree on the wire (paging, $batch, throttling, faults, etags, errors).
 */

const TOKEN = 'integration-token';
const NOW = new Date('2026-03-16T12:00:00.000Z');
const DAY_MS = 86_400_000;
const WINDOW = { start: new Date(NOW.getTime() - 30 * DAY_MS), end: NOW };
const MAILBOX = SANDBOX_BUSINESS_ID.toLowerCase();

interface Harness {
  data: SandboxData;
  graph: GraphEmulator;
  bc: BcEmulator;
  graphServer: ListeningGraphEmulator;
  bcServer: BcListening;
  bookings: BookingsClient;
  businessCentral: BusinessCentralClient;
  /** Every wait the clients' retry loops asked for, in ms. */
  waits: number[];
  close(): Promise<void>;
}

interface HarnessOptions {
  graph?: Partial<GraphEmulatorSettings>;
  bc?: Partial<BcEmulatorSettings>;
}

/** Fresh emulators (so their stats belong to one describe block) and clients with short backoffs. */
async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const data = generateSandboxData({ now: NOW });
  // A seeded source makes fault injection the same on every run.
  const graph = createGraphEmulator(data.bookings, { token: TOKEN, ...options.graph }, { random: mulberry32(7), now: () => NOW });
  const bc = createBcEmulator(data.bc, { token: TOKEN, ...options.bc }, { random: mulberry32(11), now: () => NOW });
  const graphServer = await graph.listen();
  const bcServer = await bc.listen();
  const waits: number[] = [];
  const retry: Partial<RetryOptions> = {
    maxAttempts: 8,
    baseDelayMs: 5,
    maxDelayMs: 40,
    // Mid-range jitter: backoff waits are the same on every run (2.5, 5, 10, 20, 20, ... ms).
    random: () => 0.5,
    sleep: (ms) => {
      waits.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
  const tokenProvider = new StaticTokenProvider(TOKEN);
  return {
    data,
    graph,
    bc,
    graphServer,
    bcServer,
    bookings: new BookingsClient({ baseUrl: graphServer.baseUrl, tokenProvider, retry }),
    businessCentral: new BusinessCentralClient({ apiBaseUrl: bcServer.apiBaseUrl, companyId: SANDBOX_COMPANY_ID, tokenProvider, retry }),
    waits,
    close: async () => {
      await Promise.all([graphServer.close(), bcServer.close()]);
    },
  };
}

function seedBusiness(data: SandboxData) {
  const business = data.bookings.businesses.find((b) => b.business.id === SANDBOX_BUSINESS_ID);
  if (!business) throw new Error('the seed has no sandbox business');
  return business;
}

function seedCompany(data: SandboxData) {
  const company = data.bc.companies.find((c) => c.company.id === SANDBOX_COMPANY_ID);
  if (!company) throw new Error('the seed has no sandbox company');
  return company;
}

/** What the emulator holds in the window: appointments overlapping [start, end). */
function expectedInWindow(data: SandboxData, start: Date, end: Date): string[] {
  return seedBusiness(data)
    .appointments.filter((a) => {
      const span = appointmentSpan(a);
      return span.start < end.getTime() && span.end > start.getTime();
    })
    .map((a) => a.id);
}

async function rawGet(url: string): Promise<{ status: number; body: { error?: { code?: string; message?: string } } }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  return { status: res.status, body: (await res.json()) as { error?: { code?: string; message?: string } } };
}

describe('Graph Bookings client against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('follows calendarView over 30 days to the last page: every appointment in the window once', async () => {
    const pages = [];
    for await (const page of h.bookings.calendarViewPages(SANDBOX_BUSINESS_ID, WINDOW.start, WINDOW.end)) pages.push(page);
    const ids = pages.flatMap((p) => p.appointments.map((a) => a.id));
    const expected = expectedInWindow(h.data, WINDOW.start, WINDOW.end);

    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(0, -1).every((p) => p.nextLink !== undefined)).toBe(true);
    expect(pages.at(-1)?.nextLink).toBeUndefined();
    expect(pages.flatMap((p) => p.invalid)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(expected.length);
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it('parses every list (businesses, services, staff, customers) with no invalid record', async () => {
    const business = seedBusiness(h.data);
    const [businesses, services, staff, customers] = await Promise.all([
      h.bookings.listBusinesses(),
      h.bookings.listServices(SANDBOX_BUSINESS_ID),
      h.bookings.listStaffMembers(SANDBOX_BUSINESS_ID),
      h.bookings.listCustomers(SANDBOX_BUSINESS_ID),
    ]);
    expect(businesses.invalid).toEqual([]);
    expect(businesses.businesses.map((b) => b.id)).toEqual(h.data.bookings.businesses.map((b) => b.business.id));
    expect(services.invalid).toEqual([]);
    expect(services.services.map((s) => s.id).sort()).toEqual(business.services.map((s) => s.id).sort());
    expect(staff.invalid).toEqual([]);
    expect(staff.staffMembers.map((s) => s.id).sort()).toEqual(business.staffMembers.map((s) => s.id).sort());
    expect(customers.invalid).toEqual([]);
    expect(customers.customers.map((c) => c.id).sort()).toEqual(business.customers.map((c) => c.id).sort());
  });

  it('reads 30 appointments by id through $batch, never one request per id', async () => {
    const ids = expectedInWindow(h.data, WINDOW.start, WINDOW.end).slice(0, 30);
    const before = h.graph.stats();
    const result = await h.bookings.getAppointmentsByIds(SANDBOX_BUSINESS_ID, ids);
    const after = h.graph.stats();

    expect(result.invalid).toEqual([]);
    expect([...result.appointments.keys()].sort()).toEqual([...ids].sort());
    expect([...result.appointments.entries()].every(([id, a]) => a?.id === id)).toBe(true);
    expect(after.batchItemsServed - before.batchItemsServed).toBe(30);
    expect(after.requestsServed - before.requestsServed).toBe(Math.ceil(30 / 4));
    expect(after.throttled).toBe(before.throttled);
  });

  it('answers a missing business with null rather than an error', async () => {
    await expect(h.bookings.getBusiness('nobody@nowhere.example')).resolves.toBeNull();
  });
});

describe('Business Central client against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('parses companies, customers and items with no invalid record', async () => {
    const company = seedCompany(h.data);
    const [companies, customers, items] = await Promise.all([
      h.businessCentral.listCompanies(),
      h.businessCentral.listCustomers(),
      h.businessCentral.listItems(),
    ]);
    expect(companies.invalid).toEqual([]);
    expect(companies.companies.map((c) => c.id)).toContain(SANDBOX_COMPANY_ID);
    expect(customers.invalid).toEqual([]);
    expect(customers.customers.map((c) => c.id).sort()).toEqual(company.customers.map((c) => c.id).sort());
    expect(items.invalid).toEqual([]);
    expect(items.items.map((i) => i.id).sort()).toEqual(company.items.map((i) => i.id).sort());
  });

  describe('$batch', () => {
    const newCustomer = (name: string) => ({ method: 'POST' as const, path: 'customers', body: { displayName: name, type: 'Person' }, schema: customerSchema });
    const customerCount = async () => (await h.businessCentral.listCustomers()).customers.length;

    it('with Isolation: snapshot, one failing operation rolls the others back', async () => {
      const before = await customerCount();
      const results = await h.businessCentral.batch([newCustomer('Snapshot A'), newCustomer('Snapshot B'), newCustomer('')], { isolation: 'snapshot' });
      const failed = results[2];
      expect(failed?.ok).toBe(false);
      if (failed?.ok === false) expect(failed.error.reason).toBe('client');
      expect(await customerCount()).toBe(before);
    });

    it('without isolation, the valid operations persist and the invalid one fails alone', async () => {
      const before = await customerCount();
      const results = await h.businessCentral.batch([newCustomer('Alone A'), newCustomer(''), newCustomer('Alone B')]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      expect(await customerCount()).toBe(before + 2);
      const created = results.flatMap((r) => (r.ok ? [r.value] : []));
      for (const customer of created) expect((await h.businessCentral.getCustomer(customer.id))?.displayName).toBe(customer.displayName);
    });
  });

  it('surfaces a stale etag on PATCH and DELETE as a conflict', async () => {
    const company = seedCompany(h.data);
    const customer = company.customers[0]!;
    const item = company.items[0]!;
    const invoice = await h.businessCentral.createSalesInvoice({
      customerId: customer.id,
      externalDocumentNumber: 'ETAG-TEST-1',
      salesInvoiceLines: [{ lineType: 'Item', itemId: item.id, quantity: 1, unitPrice: 100 }],
    });
    const stale = invoice.etag!;
    const patch = (ifMatch: string, reference: string) => ({
      method: 'PATCH' as const,
      path: `salesInvoices(${invoice.id})`,
      ifMatch,
      body: { customerPurchaseOrderReference: reference },
      schema: salesInvoiceSchema,
    });

    const [first] = await h.businessCentral.batch([patch(stale, 'first')]);
    expect(first?.ok).toBe(true);
    const fresh = first?.ok ? first.value.etag : undefined;
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(stale);

    const [second] = await h.businessCentral.batch([patch(stale, 'second')]);
    expect(second?.ok).toBe(false);
    if (second?.ok === false) expect(second.error.reason).toBe('conflict');

    const deleting = h.businessCentral.deleteSalesInvoice(invoice.id, stale);
    await expect(deleting).rejects.toBeInstanceOf(HttpError);
    await expect(deleting).rejects.toMatchObject({ reason: 'conflict', status: 409 });
    expect(await h.businessCentral.getSalesInvoice(invoice.id)).not.toBeNull();

    await h.businessCentral.deleteSalesInvoice(invoice.id, fresh!);
    expect(await h.businessCentral.getSalesInvoice(invoice.id)).toBeNull();
  });
});

describe('throttling', () => {
  describe('Graph: 4 concurrent requests per mailbox', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ graph: { latencyMs: 30 } });
    });
    afterAll(() => h.close());

    it('20 concurrent calls for one mailbox all succeed without overrunning the mailbox', async () => {
      const ids = expectedInWindow(h.data, WINDOW.start, WINDOW.end).slice(0, 20);
      const appointments = await Promise.all(ids.map((id) => h.bookings.getAppointment(SANDBOX_BUSINESS_ID, id)));
      const stats = h.graph.stats();
      expect(appointments.map((a) => a?.id)).toEqual(ids);
      expect(stats.maxConcurrencyByMailbox[MAILBOX]).toBeLessThanOrEqual(4);
      expect(stats.maxConcurrencyByMailbox[MAILBOX]).toBeGreaterThan(1);
      expect(stats.throttled).toBe(0);
    });

    it('in a 429 storm the client waits the Retry-After and then succeeds', async () => {
      h.graph.update({ maxConcurrentPerMailbox: 1, latencyMs: 300, retryAfterSeconds: 1 });
      const served = h.graph.stats().requestsServed;
      // Another caller holds the mailbox's only slot for 300 ms.
      const other = rawGet(`${h.graphServer.baseUrl}/solutions/bookingBusinesses/${encodeURIComponent(SANDBOX_BUSINESS_ID)}`);
      try {
        await until(() => h.graph.stats().requestsServed > served, 'the emulator served the request');
        const throttled = h.graph.stats().throttled;
        const waitsBefore = h.waits.length;

        const business = await h.bookings.getBusiness(SANDBOX_BUSINESS_ID);

        expect(business?.id).toBe(SANDBOX_BUSINESS_ID);
        expect(h.graph.stats().throttled).toBeGreaterThan(throttled);
        expect(h.waits.slice(waitsBefore)).toContain(1000);
        expect((await other).status).toBe(200);
      } finally {
        await Promise.allSettled([other]);
        h.graph.update({ maxConcurrentPerMailbox: 4, latencyMs: 30, retryAfterSeconds: 1 });
      }
    });
  });

  describe('Business Central: 5 requests processed at once', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ bc: { serviceTimeMs: 30 } });
    });
    afterAll(() => h.close());

    it('20 concurrent calls all succeed with at most 5 in process', async () => {
      const ids = seedCompany(h.data)
        .customers.slice(0, 20)
        .map((c) => c.id);
      const customers = await Promise.all(ids.map((id) => h.businessCentral.getCustomer(id)));
      const stats = h.bc.stats();
      expect(customers.map((c) => c?.id)).toEqual(ids);
      expect(stats.maxConcurrency).toBeLessThanOrEqual(5);
      expect(stats.maxConcurrency).toBeGreaterThan(1);
      expect(stats.throttled).toBe(0);
    });

    it('a 429 without Retry-After (queue full) is retried with backoff until it succeeds', async () => {
      h.bc.update({ maxConcurrent: 1, maxQueued: 0, serviceTimeMs: 40 });
      const requests = h.bc.stats().requests;
      // Another caller holds the only slot for 40 ms, with no room to queue.
      const other = rawGet(`${h.bcServer.apiBaseUrl}/companies(${SANDBOX_COMPANY_ID})/items`);
      try {
        await until(() => h.bc.stats().requests > requests, 'the emulator received the request');
        const throttled = h.bc.stats().throttled;

        const customer = seedCompany(h.data).customers[0]!;
        expect((await h.businessCentral.getCustomer(customer.id))?.id).toBe(customer.id);
        expect(h.bc.stats().throttled).toBeGreaterThan(throttled);
        expect((await other).status).toBe(200);
      } finally {
        await Promise.allSettled([other]);
        h.bc.update({ maxConcurrent: 5, maxQueued: 95, serviceTimeMs: 30 });
      }
    });
  });
});

describe('fault injection (every fifth request on both emulators, on schedule)', () => {
  let h: Harness;
  beforeAll(async () => {
    // Small BC pages so the customer list takes several requests, each of which may fail.
    h = await startHarness({ graph: { retryAfterSeconds: 0 }, bc: { pageSize: 10 } });
  });
  afterAll(() => h.close());

  const fullRead = async (): Promise<{ appointments: BookingAppointment[]; customers: unknown[] }> => {
    const [view, customers] = await Promise.all([h.bookings.calendarView(SANDBOX_BUSINESS_ID, WINDOW.start, WINDOW.end), h.businessCentral.listCustomers()]);
    expect(view.invalid).toEqual([]);
    expect(customers.invalid).toEqual([]);
    return { appointments: view.appointments, customers: customers.customers };
  };

  it('a full read gives exactly the fault-free result', async () => {
    const clean = await fullRead();
    h.graph.update({ faultSchedule: { onRequests: [1, 2, ...Array.from({ length: 60 }, (_, i) => 5 * (i + 2))] } });
    h.bc.update({ faultSchedule: { onRequests: [1, 2, ...Array.from({ length: 60 }, (_, i) => 5 * (i + 2))] } });
    try {
      const faulty = await fullRead();
      expect(faulty).toEqual(clean);
      expect(h.graph.stats().faultsInjected).toBeGreaterThan(0);
      expect(h.bc.stats().faults).toBeGreaterThan(0);
    } finally {
      h.graph.update({ faultSchedule: null });
      h.bc.update({ faultSchedule: null });
    }
  });
});

describe('bad requests get clear errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('Business Central names an unknown entity set', async () => {
    const res = await rawGet(`${h.bcServer.apiBaseUrl}/companies(${SANDBOX_COMPANY_ID})/invoicez`);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('BadRequest_ResourceNotFound');
    expect(res.body.error?.message).toContain("'invoicez'");
  });

  it('Graph names the missing calendarView parameter', async () => {
    const view = `${h.graphServer.baseUrl}/solutions/bookingBusinesses/${encodeURIComponent(SANDBOX_BUSINESS_ID)}/calendarView`;
    const noEnd = await rawGet(`${view}?start=${WINDOW.start.toISOString()}`);
    expect(noEnd.status).toBe(400);
    expect(noEnd.body.error?.message).toContain("'end' is required");
    const neither = await rawGet(view);
    expect(neither.status).toBe(400);
    expect(neither.body.error?.message).toContain("'start' is required");
  });

  it('the client reports an unknown entity as a client error naming the segment', async () => {
    const failed = h.businessCentral.batch([{ method: 'GET', path: 'invoicez' }]);
    const [result] = await failed;
    expect(result?.ok).toBe(false);
    if (result?.ok === false) {
      expect(result.error.reason).toBe('client');
      expect(result.error.message).toContain('invoicez');
    }
  });
});
