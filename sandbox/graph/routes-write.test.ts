import { appointment, business, BUSINESS_ID, businessPath, enc, seedOf, startHarness, type Harness } from './test-support';

interface Collection {
  value: Array<{ id: string }>;
  '@odata.nextLink'?: string;
}
interface ErrorBody {
  error: { code: string; message: string };
}

const NOW = new Date('2026-04-01T12:00:00.000Z');

describe('Graph emulator write routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(seedOf(business(BUSINESS_ID, 5)), {}, { now: () => NOW });
  });
  afterAll(() => h.close());

  const viewIds = async (start: string, end: string): Promise<string[]> =>
    (await h.json<Collection>(`${businessPath()}/calendarView?start=${start}&end=${end}`)).body.value.map((a) => a.id);

  it('creates an appointment (201) with a Graph-like id that reads back by id', async () => {
    const res = await h.json<{ id: string; serviceName: string; price: number; duration: string; customers: Array<{ name: string }> }>(
      `${businessPath()}/appointments`,
      {
        method: 'POST',
        body: {
          '@odata.type': '#microsoft.graph.bookingAppointment',
          serviceId: 'svc-2',
          startDateTime: { dateTime: '2026-04-10T08:00:00.0000000+00:00', timeZone: 'UTC' },
          endDateTime: { dateTime: '2026-04-10T11:00:00', timeZone: 'Europe/Copenhagen' },
          customers: [{ customerId: 'cust-2' }, { customerId: 'unknown-customer' }],
        },
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^AAMkAGI2[A-Za-z0-9_-]+==$/);
    // 11:00 in Copenhagen (UTC+2 in April) is 09:00 UTC: one hour after the start.
    expect(res.body).toMatchObject({
      serviceName: 'Therapy',
      price: 800,
      duration: 'PT1H',
      endDateTime: { dateTime: '2026-04-10T09:00:00.0000000', timeZone: 'UTC' },
    });
    expect(res.body.customers.map((c) => c.name)).toEqual(['Customer 2']);
    const read = await h.json<{ id: string; createdDateTime: string }>(`${businessPath()}/appointments/${enc(res.body.id)}`);
    expect(read.status).toBe(200);
    expect(read.body.createdDateTime).toBe(NOW.toISOString());
  });

  it('rejects a create body naming the bad field', async () => {
    const missing = await h.json<ErrorBody>(`${businessPath()}/appointments`, {
      method: 'POST',
      body: { serviceId: 'svc-1', endDateTime: { dateTime: '2026-04-10T09:00:00', timeZone: 'UTC' } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('startDateTime');
    const wrongType = await h.json<ErrorBody>(`${businessPath()}/appointments`, { method: 'POST', body: { serviceId: 'svc-1', price: 'ten' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toContain('price');
    const unknownService = await h.json<ErrorBody>(`${businessPath()}/appointments`, {
      method: 'POST',
      body: { serviceId: 'svc-x', start: { dateTime: '2026-04-10T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-04-10T10:00:00', timeZone: 'UTC' } },
    });
    expect(unknownService.status).toBe(400);
    expect(unknownService.body.error.message).toContain('serviceId');
  });

  it('PATCH moves an appointment (204): it leaves the old window and appears in the new one', async () => {
    const id = appointment(1).id;
    expect(await viewIds('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).toEqual([id]);
    const res = await h.call(`${businessPath()}/appointments/${enc(id)}`, {
      method: 'PATCH',
      body: {
        startDateTime: { dateTime: '2026-05-06T12:00:00.0000000+00:00', timeZone: 'UTC' },
        endDateTime: { dateTime: '2026-05-06T13:30:00.0000000+00:00', timeZone: 'UTC' },
        price: 650,
      },
    });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await viewIds('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).toEqual([]);
    expect(await viewIds('2026-05-06T00:00:00Z', '2026-05-07T00:00:00Z')).toEqual([id]);
    const read = await h.json(`${businessPath()}/appointments/${enc(id)}`);
    expect(read.body).toMatchObject({
      startDateTime: { dateTime: '2026-05-06T12:00:00.0000000', timeZone: 'UTC' },
      endDateTime: { dateTime: '2026-05-06T13:30:00.0000000', timeZone: 'UTC' },
      duration: 'PT1H30M',
      price: 650,
      lastUpdatedDateTime: NOW.toISOString(),
    });
  });

  it('PATCH rejects an end before the start and leaves the appointment alone', async () => {
    const id = appointment(2).id;
    const res = await h.json<ErrorBody>(`${businessPath()}/appointments/${enc(id)}`, {
      method: 'PATCH',
      body: { endDateTime: { dateTime: '2020-01-01T00:00:00', timeZone: 'UTC' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('endDateTime');
    const read = await h.json(`${businessPath()}/appointments/${enc(id)}`);
    expect(read.body).toMatchObject({ endDateTime: appointment(2).endDateTime });
  });

  it('cancel (204) makes the appointment 404 and removes it from every list', async () => {
    const id = appointment(3).id;
    const res = await h.call(`${businessPath()}/appointments/${enc(id)}/cancel`, { method: 'POST', body: { cancellationMessage: 'Sick' } });
    expect(res.status).toBe(204);
    const read = await h.json<ErrorBody>(`${businessPath()}/appointments/${enc(id)}`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('ErrorItemNotFound');
    const list = await h.json<Collection>(`${businessPath()}/appointments`);
    expect(list.body.value.map((a) => a.id)).not.toContain(id);
    expect(await viewIds('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).not.toContain(id);
    const again = await h.call(`${businessPath()}/appointments/${enc(id)}/cancel`, { method: 'POST', body: { cancellationMessage: 'Sick' } });
    expect(again.status).toBe(404);
  });

  it('cancel needs a cancellationMessage', async () => {
    const res = await h.json<ErrorBody>(`${businessPath()}/appointments/${enc(appointment(4).id)}/cancel`, { method: 'POST', body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('cancellationMessage');
  });

  it('creates a customer (201) that then lists and reads by id', async () => {
    const res = await h.json<{ id: string; displayName: string; emailAddress: string }>(`${businessPath()}/customers`, {
      method: 'POST',
      body: { '@odata.type': '#microsoft.graph.bookingCustomer', displayName: 'Joni Sherman', emailAddress: 'jonis@contoso.com' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ displayName: 'Joni Sherman', emailAddress: 'jonis@contoso.com' });
    const read = await h.json(`${businessPath()}/customers/${enc(res.body.id)}`);
    expect(read.body).toMatchObject({ id: res.body.id, createdDateTime: NOW.toISOString() });
    const list = await h.json<Collection>(`${businessPath()}/customers`);
    expect(list.body.value.map((c) => c.id)).toContain(res.body.id);
  });

  it('rejects a customer body naming the bad field', async () => {
    const res = await h.json<ErrorBody>(`${businessPath()}/customers`, { method: 'POST', body: { displayName: 'X', emailAddress: 'not-an-email' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('emailAddress');
  });
});
