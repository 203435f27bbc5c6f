import { appointment, business, BUSINESS_ID, businessPath, customer, enc, OTHER_BUSINESS_ID, seedOf, startHarness, type Harness } from './test-support';

interface Collection<T = Record<string, unknown>> {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: T[];
}

async function readAll(h: Harness, path: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  let next: string | undefined = `${h.baseUrl}${path}`;
  while (next !== undefined) {
    const res: { status: number; body: Collection<{ id: string }> } = await h.json<Collection<{ id: string }>>(next);
    expect(res.status).toBe(200);
    ids.push(...res.body.value.map((v) => v.id));
    next = res.body['@odata.nextLink'];
    pages += 1;
  }
  return { ids, pages };
}

describe('Graph emulator read routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(seedOf(business(BUSINESS_ID, 25, 7), business(OTHER_BUSINESS_ID, 2)), { pageSize: 10 });
  });
  afterAll(() => h.close());

  it('lists businesses with id and displayName only, unpaged', async () => {
    const res = await h.json<Collection>('/solutions/bookingBusinesses');
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toMatch(/\/v1\.0\/\$metadata#solutions\/bookingBusinesses$/);
    expect(res.body.value).toEqual([
      { id: BUSINESS_ID, displayName: `Business ${BUSINESS_ID}` },
      { id: OTHER_BUSINESS_ID, displayName: `Business ${OTHER_BUSINESS_ID}` },
    ]);
    expect(res.body['@odata.nextLink']).toBeUndefined();
  });

  it('gets a business by its URL-encoded SMTP address, case-insensitively', async () => {
    const res = await h.json(businessPath(BUSINESS_ID.toUpperCase()));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: BUSINESS_ID, defaultCurrencyIso: 'DKK' });
    expect(res.body['@odata.context']).toMatch(/bookingBusinesses\/\$entity$/);
  });

  it('pages appointments to the last page without duplicates or gaps', async () => {
    const { ids, pages } = await readAll(h, `${businessPath()}/appointments`);
    expect(pages).toBe(3);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => appointment(i).id));
  });

  it('writes an absolute nextLink with $skip and a context naming the business', async () => {
    const res = await h.json<Collection>(`${businessPath()}/appointments`);
    expect(res.body['@odata.nextLink']).toBe(`${h.baseUrl}${businessPath()}/appointments?$skip=10`);
    expect(res.body['@odata.context']).toBe(`${h.baseUrl}/solutions/$metadata#bookingBusinesses('clinic%40contoso.com')/appointments`);
  });

  it('honours a smaller $top and rejects a bad $skip', async () => {
    const top = await h.json<Collection>(`${businessPath()}/appointments?$top=4`);
    expect(top.body.value).toHaveLength(4);
    expect(top.body['@odata.nextLink']).toContain('$top=4&$skip=4');
    const bad = await h.json<{ error: { code: string } }>(`${businessPath()}/appointments?$skip=-1`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BadRequest');
  });

  it('gets an appointment by its URL-encoded id', async () => {
    const id = appointment(3).id;
    const res = await h.json(`${businessPath()}/appointments/${enc(id)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, startDateTime: { dateTime: '2026-03-04T09:00:00.0000000', timeZone: 'UTC' } });
    expect(res.body['@odata.context']).toMatch(/\/appointments\/\$entity$/);
  });

  it('requires start and end on calendarView', async () => {
    for (const query of ['', '?start=2026-03-01T00:00:00Z', '?end=2026-03-01T00:00:00Z', '?start=yesterday&end=2026-03-01T00:00:00Z']) {
      const res = await h.json<{ error: { code: string; message: string; innerError: { 'request-id': string } } }>(`${businessPath()}/calendarView${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BadRequest');
      expect(res.body.error.message).toMatch(/'(start|end)'/);
      expect(res.body.error.innerError['request-id']).toEqual(expect.any(String));
    }
  });

  it('returns appointments overlapping [start, end), ordered by start', async () => {
    // 2026-03-03 09:30 cuts appointment 2 (09:00-10:00); 2026-03-06T09:00 excludes appointment 5, which starts there.
    const res = await h.json<Collection<{ id: string }>>(`${businessPath()}/calendarView?start=2026-03-03T09:30:00Z&end=2026-03-06T09:00:00Z`);
    expect(res.status).toBe(200);
    expect(res.body.value.map((a) => a.id)).toEqual([2, 3, 4].map((n) => appointment(n).id));
    expect(res.body['@odata.context']).toMatch(/\/calendarView$/);
  });

  it('reads calendarView start and end with a UTC offset', async () => {
    const res = await h.json<Collection<{ id: string }>>(
      `${businessPath()}/calendarView?start=${enc('2026-03-02T10:30:00+01:00')}&end=${enc('2026-03-02T11:00:00+01:00')}`,
    );
    expect(res.body.value.map((a) => a.id)).toEqual([appointment(1).id]);
  });

  it('pages calendarView keeping start and end in the nextLink', async () => {
    const { ids, pages } = await readAll(h, `${businessPath()}/calendarView?start=2026-03-01T00:00:00Z&end=2026-03-31T00:00:00Z`);
    expect(pages).toBe(3);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => appointment(i).id));
  });

  it('lists and gets customers, services and staff members', async () => {
    const customers = await readAll(h, `${businessPath()}/customers`);
    expect(customers.ids).toEqual(Array.from({ length: 7 }, (_, i) => `cust-${i + 1}`));
    const one = await h.json(`${businessPath()}/customers/cust-2`);
    expect(one.body).toMatchObject({ ...customer(2) });
    const services = await h.json<Collection<{ id: string }>>(`${businessPath()}/services`);
    expect(services.body.value.map((s) => s.id)).toEqual(['svc-1', 'svc-2']);
    const staff = await h.json<Collection<{ id: string }>>(`${businessPath()}/staffMembers`);
    expect(staff.body.value.map((s) => s.id)).toEqual(['staff-1', 'staff-2']);
    const service = await h.json(`${businessPath()}/services/svc-2`);
    expect(service.body).toMatchObject({ id: 'svc-2', defaultPriceType: 'hourly' });
  });

  it('answers 404 ErrorItemNotFound for unknown entities', async () => {
    for (const path of [
      businessPath('nobody@contoso.com'),
      `${businessPath('nobody@contoso.com')}/appointments`,
      `${businessPath()}/appointments/${enc('AAMkADnope=')}`,
      `${businessPath()}/customers/nope`,
      `${businessPath()}/staffMembers/nope`,
    ]) {
      const res = await h.json<{ error: { code: string } }>(path);
      expect([path, res.status, res.body.error.code]).toEqual([path, 404, 'ErrorItemNotFound']);
    }
  });
});

describe('empty customers quirk', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(seedOf(business(BUSINESS_ID, 40)), { emptyCustomersRate: 0.5 });
  });
  afterAll(() => h.close());

  it('empties customers of a stable subset in lists, while GET by id returns them', async () => {
    const list = async (path: string) => (await h.json<Collection<{ id: string; customers: unknown[] }>>(path)).body.value;
    const first = await list(`${businessPath()}/appointments`);
    const second = await list(`${businessPath()}/appointments`);
    const view = await list(`${businessPath()}/calendarView?start=2026-03-01T00:00:00Z&end=2026-05-01T00:00:00Z`);
    const emptyIds = first.filter((a) => a.customers.length === 0).map((a) => a.id);
    expect(emptyIds.length).toBeGreaterThan(0);
    expect(emptyIds.length).toBeLessThan(first.length);
    expect(second.filter((a) => a.customers.length === 0).map((a) => a.id)).toEqual(emptyIds);
    expect(view.filter((a) => a.customers.length === 0).map((a) => a.id)).toEqual(emptyIds);
    const byId = await h.json<{ customers: Array<{ customerId: string }> }>(`${businessPath()}/appointments/${enc(emptyIds[0]!)}`);
    expect(byId.body.customers.map((c) => c.customerId)).toEqual(['cust-1']);
  });

  it('empties every list entry at rate 1 and none at rate 0', async () => {
    h.emulator.update({ emptyCustomersRate: 1 });
    const all = await h.json<Collection<{ customers: unknown[] }>>(`${businessPath()}/appointments`);
    expect(all.body.value.every((a) => a.customers.length === 0)).toBe(true);
    h.emulator.update({ emptyCustomersRate: 0 });
    const none = await h.json<Collection<{ customers: unknown[] }>>(`${businessPath()}/appointments`);
    expect(none.body.value.every((a) => a.customers.length === 1)).toBe(true);
  });
});
