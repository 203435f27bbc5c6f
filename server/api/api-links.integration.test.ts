import { until } from '../../service/testing/until';
import {
  customerLinkChoicesSchema,
  linkResultSchema,
  serviceLinkChoicesSchema,
  startedSyncSchema,
  syncRunSchema,
  unbilledResponseSchema,
} from '../../contract/api-contract';
import { queryString } from '../../contract/endpoints';
import type { Authenticator, Identity } from './auth/identity';
import { errorOf, startApiTestServer, type ApiTestServer } from './testing/api-test-server';

/* The link routes (issue 13.4) against both emulators: admin only, strict bodies, refusals in words. */

const ADMIN: Identity = { id: 'admin-1', name: 'Anna Admin', roles: ['admin', 'invoicer', 'reader'] };
const INVOICER: Identity = { id: 'inv-1', name: 'Ivan Invoicer', roles: ['invoicer', 'reader'] };
const READER: Identity = { id: 'reader-1', name: 'Rita Reader', roles: ['reader'] };

const auth: Authenticator & { as: Identity } = {
  as: ADMIN,
  authenticate: async () => auth.as,
};

let api: ApiTestServer;
const seeded = () => api.harness.data.bookings.businesses[0]!;
const serviceId = () => seeded().services.find((s) => s.displayName === 'Fysioterapi, opfølgning')!.id;
const customerId = (name: string) => seeded().customers.find((c) => c.displayName === name)!.id;
const items = () => api.harness.bc.state.company(api.harness.companyId)!.items;

beforeAll(async () => {
  api = await startApiTestServer({ authenticator: auth });
  const started = await api.call('POST', '/api/sync');
  expect(started.status).toBe(202);
  const { syncRunId } = startedSyncSchema.parse(started.body);
  await until(async () => {
    const run = syncRunSchema.parse((await api.call('GET', `/api/sync/${syncRunId}`)).body);
    if (run.state === 'failed') throw new Error(`sync failed: ${run.error}`);
    return run.state === 'succeeded';
  }, 'the sync to finish');
});

afterAll(async () => {
  await api?.close();
});

beforeEach(() => {
  auth.as = ADMIN;
});

test('a reader and an invoicer may neither list link choices nor link (403); nothing is linked', async () => {
  const item = items().find((i) => i.number === '1000')!;
  for (const who of [READER, INVOICER]) {
    auth.as = who;
    const calls = [
      await api.call('GET', `/api/services/${serviceId()}/link-choices`),
      await api.call('PUT', `/api/services/${serviceId()}/link`, { json: { choice: { kind: 'existing', id: item.id } } }),
      await api.call('GET', `/api/customers/${customerId('Inge Nielsen')}/link-choices`),
      await api.call('PUT', `/api/customers/${customerId('Inge Nielsen')}/link`, { json: { choice: { kind: 'create' } } }),
    ];
    expect(calls.map((c) => c.status)).toEqual([403, 403, 403, 403]);
    expect(errorOf(calls[1]!).code).toBe('forbidden');
  }
  const link = await api.store.db.selectFrom('service_links').selectAll().where('bookings_service_id', '=', serviceId()).executeTakeFirstOrThrow();
  expect(link.bc_item_id).toBeNull();
});

test('bad input is a 400 naming the problem; an unknown service or customer is a 404; a record Business Central lacks is a 409', async () => {
  const path = `/api/services/${serviceId()}/link`;
  const bad = [
    await api.call('PUT', path, { json: {} }),
    await api.call('PUT', path, { json: { choice: { kind: 'nearest' } } }),
    await api.call('PUT', path, { json: { choice: { kind: 'existing' } } }),
    await api.call('PUT', path, { json: { choice: { kind: 'create' }, extra: 1 } }),
  ];
  expect(bad.map((r) => [r.status, errorOf(r).code])).toEqual(bad.map(() => [400, 'invalid_body']));
  const longSearch = await api.call('GET', `/api/services/${serviceId()}/link-choices?search=${'x'.repeat(101)}`);
  expect([longSearch.status, errorOf(longSearch).code]).toEqual([400, 'invalid_query']);
  const unknownQuery = await api.call('GET', `/api/services/${serviceId()}/link-choices?q=x`);
  expect(unknownQuery.status).toBe(400);

  const unknownService = await api.call('PUT', '/api/services/no-such-service/link', { json: { choice: { kind: 'create' } } });
  expect([unknownService.status, errorOf(unknownService).message]).toEqual([404, 'No such Bookings service: sync, then try again']);
  expect((await api.call('GET', '/api/customers/nobody/link-choices')).status).toBe(404);
  const missing = await api.call('PUT', path, { json: { choice: { kind: 'existing', id: '00000000-0000-0000-0000-000000000000' } } });
  expect([missing.status, errorOf(missing).message]).toEqual([409, 'Business Central has no such record any more: search again']);
  const inventory = await api.call('PUT', path, { json: { choice: { kind: 'existing', id: items().find((i) => i.number === '1004')!.id } } });
  expect([inventory.status, errorOf(inventory).message]).toEqual([409, 'Only items of type Service can be linked to a Bookings service']);
});

test('an admin sees the conflict, links the service to the same-named item, and its rows lose "service not linked"', async () => {
  const choices = serviceLinkChoicesSchema.parse((await api.call('GET', `/api/services/${serviceId()}/link-choices?search=fysio`)).body);
  expect(choices.service.conflict).toEqual({ number: '1000', displayName: 'Fysioterapi, opfølgning' });
  // The same-named item first; every one listed matches the search.
  expect(choices.items[0]).toMatchObject({ number: '1000', sameName: true });
  expect(choices.items.every((i) => i.displayName.toLowerCase().includes('fysio'))).toBe(true);
  const res = await api.call('PUT', `/api/services/${serviceId()}/link`, { json: { choice: { kind: 'existing', id: choices.items[0]!.id } } });
  expect(res.status).toBe(200);
  expect(linkResultSchema.parse(res.body)).toMatchObject({ number: '1000', displayName: 'Fysioterapi, opfølgning', created: false });
  const listed = unbilledResponseSchema.parse(
    (await api.call('GET', `/api/unbilled${queryString({ state: 'unbilled', serviceId: serviceId(), limit: 500 })}`)).body,
  );
  expect(listed.rows.length).toBeGreaterThan(0);
  expect(listed.rows.some((r) => r.reasons.includes('service-not-linked'))).toBe(false);
  const audit = await api.call('GET', '/api/audit?action=service.linked');
  expect(audit.body).toMatchObject({
    entries: [{ actor: 'admin-1', source: 'tab', action: 'service.linked', details: { item: '1000 Fysioterapi, opfølgning' } }],
  });
});

test('an admin links a customer without an email to a new Business Central customer from the template', async () => {
  const id = customerId('Walk-in kunde');
  const choices = customerLinkChoicesSchema.parse((await api.call('GET', `/api/customers/${id}/link-choices?search=bent`)).body);
  expect(choices.customer).toMatchObject({ name: 'Walk-in kunde', email: '', linkedCustomer: null });
  expect(choices.customers).toEqual([expect.objectContaining({ displayName: 'Bent Ravn', blocked: true })]);
  const res = await api.call('PUT', `/api/customers/${id}/link`, { json: { choice: { kind: 'create' } } });
  expect(res.status).toBe(200);
  expect(linkResultSchema.parse(res.body)).toMatchObject({ displayName: 'Walk-in kunde', created: true });
  const listed = unbilledResponseSchema.parse((await api.call('GET', `/api/unbilled${queryString({ state: 'unbilled', customer: id, limit: 500 })}`)).body);
  expect(listed.rows.length).toBeGreaterThan(0);
  expect(listed.rows.some((r) => r.reasons.includes('customer-without-email'))).toBe(false);
});

test('an appointment without a customer: admin only (403), bad bodies 400, unknown 404; linked, its row waits no more', async () => {
  // An appointment Bookings gives without attendees.
  const row = await api.store.db.selectFrom('appointments').select('id').where('customer_count', '>', 0).orderBy('id').executeTakeFirstOrThrow();
  await api.store.db
    .updateTable('appointments')
    .set({ customers: '[]', customer_count: 0, customers_without_email: 0, customers_blocked: 0 })
    .where('id', '=', row.id)
    .execute();
  const choicesPath = `/api/appointments/${encodeURIComponent(row.id)}/customer-choices`;
  const path = `/api/appointments/${encodeURIComponent(row.id)}/customer`;
  const target = api.harness.bc.state.company(api.harness.companyId)!.customers.find((c) => c.email === 'soeren.oestergaard@mail.dk')!;
  for (const who of [READER, INVOICER]) {
    auth.as = who;
    const calls = [await api.call('GET', choicesPath), await api.call('PUT', path, { json: { choice: { kind: 'existing', id: target.id } } })];
    expect(calls.map((c) => [c.status, errorOf(c).code])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
  }
  auth.as = ADMIN;
  const bad = [
    await api.call('PUT', path, { json: { choice: { kind: 'create' } } }),
    await api.call('PUT', path, { json: { choice: { kind: 'create', name: ' ' } } }),
    await api.call('PUT', path, { json: { choice: { kind: 'existing', id: target.id }, extra: 1 } }),
  ];
  expect(bad.map((r) => [r.status, errorOf(r).code])).toEqual(bad.map(() => [400, 'invalid_body']));
  expect(errorOf(bad[0]!).message).toContain('name');
  const unknown = await api.call('PUT', '/api/appointments/no-such-appointment/customer', { json: { choice: { kind: 'existing', id: target.id } } });
  expect([unknown.status, errorOf(unknown).message]).toEqual([404, 'No such appointment waiting for a customer: sync, then try again']);
  expect((await api.call('GET', '/api/appointments/no-such-appointment/customer-choices')).status).toBe(404);
  expect((await api.store.db.selectFrom('audit_log').select('id').where('action', '=', 'appointment.customer-linked').execute()).length).toBe(0);

  const choices = customerLinkChoicesSchema.parse((await api.call('GET', `${choicesPath}?search=${encodeURIComponent('Søren')}`)).body);
  expect(choices.customers.map((c) => c.id)).toContain(target.id);
  const res = await api.call('PUT', path, { json: { choice: { kind: 'existing', id: target.id } } });
  expect([res.status, linkResultSchema.parse(res.body)]).toEqual([
    200,
    { number: target.number, displayName: target.displayName, created: false, appointments: 1 },
  ]);
  const listed = unbilledResponseSchema.parse((await api.call('GET', `/api/unbilled${queryString({ state: 'all', limit: 500, search: '' })}`)).body);
  const after = listed.rows.filter((r) => r.id === row.id);
  expect(after).toHaveLength(1);
  expect(after[0]!.reasons).not.toContain('no-customer');
  expect(
    (await api.store.db.selectFrom('audit_log').select('actor').where('action', '=', 'appointment.customer-linked').execute()).map((a) => a.actor),
  ).toEqual(['admin-1']);
});
