import { StaticTokenProvider } from '../auth/static-token-provider';
import { HttpError } from '../http/http-error';
import { InvalidResponseError } from '../http/invalid-response-error';
import { rawAppointment } from '../testing/graph-fixtures';
import { recordingSleep, sendJson, startTestServer, type TestHandler, type TestServer } from '../testing/test-server';
import { BookingsClient } from './bookings-client';

const BUSINESS = 'Contoso@contoso.onmicrosoft.com';
const BUSINESS_PATH = `/v1.0/solutions/bookingBusinesses/${BUSINESS}`;

let server: TestServer;
let handler: TestHandler;

beforeAll(async () => {
  server = await startTestServer((req, res, body, n) => handler(req, res, body, n));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function client() {
  const recorder = recordingSleep();
  const bookings = new BookingsClient({
    baseUrl: `${server.url}/v1.0/`,
    tokenProvider: new StaticTokenProvider('graph-token'),
    retry: { sleep: recorder.sleep, random: () => 0.5, baseDelayMs: 100 },
  });
  return { bookings, waits: recorder.waits };
}

const start = new Date('2026-11-01T00:00:00Z');
const end = new Date('2026-12-01T00:00:00Z');

describe('BookingsClient paging', () => {
  beforeEach(() => {
    handler = (req, res) => {
      const url = new URL(req.url ?? '', server.url);
      const page = Number(url.searchParams.get('$skiptoken') ?? '1');
      const next = page < 3 ? { '@odata.nextLink': `${server.url}${BUSINESS_PATH}/calendarView?start=x&$skiptoken=${page + 1}` } : {};
      const value = [rawAppointment({ id: `a${page}-1` }), rawAppointment({ id: `a${page}-2` })];
      if (page === 2) value.push(rawAppointment({ id: 'broken', startDateTime: undefined }));
      sendJson(res, 200, { value, ...next });
    };
  });

  it('follows @odata.nextLink through 3 pages and reports malformed records without aborting', async () => {
    const { bookings } = client();
    const result = await bookings.calendarView(BUSINESS, start, end);
    expect(result.appointments.map((a) => a.id)).toEqual(['a1-1', 'a1-2', 'a2-1', 'a2-2', 'a3-1', 'a3-2']);
    expect(result.invalid).toEqual([{ entity: 'bookingAppointment', id: 'broken', issues: expect.stringContaining('startDateTime') }]);
    expect(server.requests).toHaveLength(3);
    const first = new URL(server.requests[0]!.url, server.url);
    expect(first.pathname).toBe(`${BUSINESS_PATH}/calendarView`);
    expect(first.searchParams.get('start')).toBe('2026-11-01T00:00:00.000Z');
    expect(first.searchParams.get('end')).toBe('2026-12-01T00:00:00.000Z');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer graph-token');
  });

  it('yields pages one by one with their next link, and resumes from one', async () => {
    const { bookings } = client();
    const links: Array<string | undefined> = [];
    for await (const page of bookings.calendarViewPages(BUSINESS, start, end)) links.push(page.nextLink);
    expect(links).toEqual([expect.stringContaining('$skiptoken=2'), expect.stringContaining('$skiptoken=3'), undefined]);

    const resumed: string[] = [];
    for await (const page of bookings.calendarViewPages(BUSINESS, start, end, { nextLink: links[1]! })) resumed.push(...page.appointments.map((a) => a.id));
    expect(resumed).toEqual(['a3-1', 'a3-2']);
  });

  it('refuses a next link to another host (it would get our token)', async () => {
    handler = (_req, res) => sendJson(res, 200, { value: [], '@odata.nextLink': 'https://evil.example/steal' });
    const { bookings } = client();
    await expect(bookings.listCustomers(BUSINESS)).rejects.toThrow(InvalidResponseError);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a collection without value as an invalid response', async () => {
    handler = (_req, res) => sendJson(res, 200, { items: [] });
    const { bookings } = client();
    await expect(bookings.listServices(BUSINESS)).rejects.toThrow(/bookingService collection.*value/);
  });
});

describe('BookingsClient single reads', () => {
  it('returns null for a vanished appointment and parses one that exists', async () => {
    handler = (req, res) =>
      req.url?.endsWith('/gone')
        ? sendJson(res, 404, { error: { code: 'ErrorItemNotFound', message: 'not found' } })
        : sendJson(res, 200, rawAppointment({ id: 'here' }));
    const { bookings } = client();
    expect(await bookings.getAppointment(BUSINESS, 'gone')).toBeNull();
    expect((await bookings.getAppointment(BUSINESS, 'here'))?.id).toBe('here');
  });

  it("writes the business's address and a base64 id in the path as Graph's documentation does: @ and = as they are, / and + encoded", async () => {
    handler = (_req, res) => sendJson(res, 200, rawAppointment({ id: 'AAMk/a+b=' }));
    const { bookings } = client();
    expect((await bookings.getAppointment(BUSINESS, 'AAMk/a+b='))?.id).toBe('AAMk/a+b=');
    expect(server.requests.at(-1)!.url).toBe('/v1.0/solutions/bookingBusinesses/Contoso@contoso.onmicrosoft.com/appointments/AAMk%2Fa%2Bb=');
  });

  it('names the appointment, its id and the field when the body is malformed', async () => {
    handler = (_req, res) => sendJson(res, 200, rawAppointment({ id: 'odd', serviceId: 42 }));
    const { bookings } = client();
    const error = await bookings.getAppointment(BUSINESS, 'odd').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ entity: 'bookingAppointment', entityId: 'odd', fieldPath: 'serviceId', reason: 'invalid-response' });
    expect((error as Error).message).toContain(`GET ${server.url}${BUSINESS_PATH}/appointments/odd`);
  });

  it('reads the other entities', async () => {
    handler = (req, res) => {
      const path = new URL(req.url ?? '', server.url).pathname;
      if (path === '/v1.0/solutions/bookingBusinesses') return sendJson(res, 200, { value: [{ id: BUSINESS, displayName: 'Contoso' }] });
      if (path === BUSINESS_PATH) return sendJson(res, 200, { id: BUSINESS, displayName: 'Contoso', defaultCurrencyIso: 'DKK' });
      if (path.endsWith('/services'))
        return sendJson(res, 200, { value: [{ id: 's1', displayName: 'Cut', defaultDuration: 'PT30M', defaultPrice: 300, defaultPriceType: 'hourly' }] });
      if (path.endsWith('/staffMembers')) return sendJson(res, 200, { value: [{ id: 'st1', displayName: 'Bo', role: 'teamMember', timeZone: null }] });
      if (path.endsWith('/customers/c1')) return sendJson(res, 200, { id: 'c1', displayName: 'Anne', emailAddress: 'anne@example.com' });
      return sendJson(res, 404, {});
    };
    const { bookings } = client();
    expect((await bookings.listBusinesses()).businesses).toEqual([expect.objectContaining({ id: BUSINESS, displayName: 'Contoso', defaultCurrencyIso: null })]);
    expect(await bookings.getBusiness(BUSINESS)).toMatchObject({ defaultCurrencyIso: 'DKK' });
    expect((await bookings.listServices(BUSINESS)).services[0]).toMatchObject({ defaultPrice: 300, defaultPriceType: 'hourly', staffMemberIds: [] });
    expect((await bookings.listStaffMembers(BUSINESS)).staffMembers[0]).toMatchObject({ id: 'st1', timeZone: null });
    expect(await bookings.getCustomer(BUSINESS, 'c1')).toMatchObject({ emailAddress: 'anne@example.com', addresses: [], phones: [] });
    expect(await bookings.getCustomer(BUSINESS, 'c2')).toBeNull();
  });
});

describe('BookingsClient mailbox concurrency', () => {
  it('keeps at most 4 requests in flight per mailbox while 20 calls run, mailboxes apart', async () => {
    const inFlight = new Map<string, number>();
    const max = new Map<string, number>();
    // The first answers wait until both mailboxes have 4 requests open: the limit is then reached for
    // certain, whatever the machine's load, and anything beyond it would show in `max`.
    let opened = 0;
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    handler = async (req, res) => {
      const mailbox = decodeURIComponent(req.url?.split('/')[4] ?? '').toLowerCase();
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 0) + 1);
      max.set(mailbox, Math.max(max.get(mailbox) ?? 0, inFlight.get(mailbox)!));
      if (++opened === 8) openGate();
      await gate;
      inFlight.set(mailbox, inFlight.get(mailbox)! - 1);
      sendJson(res, 200, rawAppointment());
    };
    const { bookings } = client();
    const calls = [...Array(20)].flatMap((_, i) => [
      bookings.getAppointment(i % 2 ? BUSINESS : BUSINESS.toUpperCase(), `a${i}`),
      bookings.getAppointment('other@contoso.onmicrosoft.com', `b${i}`),
    ]);
    await Promise.all(calls);
    expect(max.get(BUSINESS.toLowerCase())).toBe(4);
    expect(max.get('other@contoso.onmicrosoft.com')).toBe(4);
    expect(server.maxInFlight).toBe(8);
    expect(server.requests).toHaveLength(40);
  });
});

describe('BookingsClient $batch', () => {
  it('reads by id in batches of at most 4, retrying items throttled inside the envelope', async () => {
    const throttledOnce = new Set<string>();
    const batchSizes: number[] = [];
    handler = (req, res, body) => {
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/v1.0/$batch');
      const { requests } = JSON.parse(body) as { requests: Array<{ id: string; method: string; url: string }> };
      batchSizes.push(requests.length);
      const responses = requests.map((r) => {
        expect(r.url).toBe(`/solutions/bookingBusinesses/${BUSINESS}/appointments/${r.id}`);
        if (r.id.startsWith('gone')) return { id: r.id, status: 404, body: { error: { code: 'ErrorItemNotFound' } } };
        if (r.id.startsWith('slow') && !throttledOnce.has(r.id)) {
          throttledOnce.add(r.id);
          return { id: r.id, status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests' } } };
        }
        if (r.id === 'bad') return { id: r.id, status: 200, body: rawAppointment({ id: 'bad', serviceId: null }) };
        return { id: r.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: rawAppointment({ id: r.id }) };
      });
      sendJson(res, 200, { responses: responses.reverse() });
    };
    const { bookings, waits } = client();
    const ids = ['a1', 'slow1', 'a2', 'gone1', 'a3', 'slow2', 'a4', 'a5', 'bad', 'a6'];
    const result = await bookings.getAppointmentsByIds(BUSINESS, ids);

    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(4);
    expect(batchSizes.reduce((a, b) => a + b, 0)).toBe(ids.length + 2);
    expect(server.requests.every((r) => r.url === '/v1.0/$batch')).toBe(true);
    expect(waits).toEqual([1000]);
    expect([...result.appointments.keys()].sort()).toEqual(ids.filter((id) => id !== 'bad').sort());
    expect(result.appointments.get('gone1')).toBeNull();
    expect(result.appointments.get('slow2')?.id).toBe('slow2');
    expect(result.invalid).toEqual([{ entity: 'bookingAppointment', id: 'bad', issues: expect.stringContaining('serviceId') }]);
  });

  it('gives up on an item throttled forever, naming it', async () => {
    handler = (_req, res, body) => {
      const { requests } = JSON.parse(body) as { requests: Array<{ id: string }> };
      sendJson(res, 200, { responses: requests.map((r) => ({ id: r.id, status: 503, body: {} })) });
    };
    const { bookings, waits } = client();
    const error = await bookings.getAppointmentsByIds(BUSINESS, ['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ reason: 'unavailable', attempts: 5 });
    expect((error as Error).message).toContain('appointments/x');
    expect(waits).toEqual([50, 100, 200, 400]);
  });

  it('fails on an item the service refuses (403), not retrying it', async () => {
    handler = (_req, res, body) => {
      const { requests } = JSON.parse(body) as { requests: Array<{ id: string }> };
      sendJson(res, 200, { responses: requests.map((r) => ({ id: r.id, status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'no' } } })) });
    };
    const { bookings } = client();
    await expect(bookings.getAppointmentsByIds(BUSINESS, ['x'])).rejects.toMatchObject({ reason: 'auth', code: 'ErrorAccessDenied' });
    expect(server.requests).toHaveLength(1);
  });
});
