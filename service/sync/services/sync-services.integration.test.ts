import type { SandboxData } from '../../../sandbox/seed';
import type { AppStore } from '../../store';
import { describeEachStore } from '../../store/testing/test-stores';
import { recordingBcClient } from '../customers/testing/recording-bc-client';
import { startSyncHarness, type SyncHarness } from '../testing/sync-harness';
import { clearServiceConflict, linkServiceToItem } from './service-links';
import { syncServices } from './sync-services';

const LONG_NAME = `Behandling ${'meget lang '.repeat(10)}slut`; // over 100 characters
const TEMPLATE = { baseUnitOfMeasureCode: 'HOUR', taxGroupCode: 'MOMSFRI', generalProductPostingGroupCode: 'SERVICES' };

function addFixtures(data: SandboxData): void {
  const services = data.bookings.businesses[0]!.services;
  const template = services[0]!;
  services.push(
    { ...template, id: 'svc-long', displayName: LONG_NAME, defaultPrice: 100.5, defaultPriceType: 'fixedPrice' },
    { ...template, id: 'svc-markup', displayName: '<b>Massage</b> & *mere*', defaultPrice: 300, defaultPriceType: 'fixedPrice' },
    { ...template, id: 'svc-negative', displayName: 'Forkert pris', defaultPrice: -5, defaultPriceType: 'fixedPrice' },
  );
}

const serviceId = (h: SyncHarness, name: string) => h.data.bookings.businesses[0]!.services.find((s) => s.displayName === name)!.id;
const items = (h: SyncHarness) => h.bc.state.company(h.companyId)!.items;
const linkOf = (store: AppStore, id: string) =>
  store.db.selectFrom('service_links').selectAll().where('bookings_service_id', '=', id).executeTakeFirstOrThrow();

async function outcome(store: AppStore, h: SyncHarness) {
  const byId = new Map(items(h).map((i) => [i.id, i]));
  const services = await store.db.selectFrom('services').selectAll().orderBy('id').execute();
  const links = await store.db.selectFrom('service_links').selectAll().orderBy('bookings_service_id').execute();
  return {
    services: services.map(({ updated_at: _ignored, ...rest }) => rest),
    links: links.map((l) => [
      l.bookings_service_id,
      l.bc_item_id ? byId.get(l.bc_item_id)?.displayName : null,
      l.bc_item_unit_price_minor,
      l.currency,
      l.conflict_reason,
    ]),
    items: items(h)
      .map((i) => `${i.type} ${i.displayName} ${i.unitPrice} ${i.baseUnitOfMeasureCode}`)
      .sort(),
  };
}

describeEachStore('syncServices against the emulators', (getStore, suite) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({ editSeed: addFixtures, setup: { itemTemplate: { type: 'Service', ...TEMPLATE } } });
  });
  afterAll(() => h.close());

  it('stores services, creates one Service item each from the template, and a second run creates nothing', async () => {
    const before = items(h).length;
    const recorder = recordingBcClient(h);
    const report = await syncServices(h.context(getStore().db, { bc: recorder.client }));
    const serviceCount = h.data.bookings.businesses[0]!.services.length - 1;
    expect(report).toMatchObject({ added: serviceCount, rejected: 1 });
    const rejects = await getStore().db.selectFrom('sync_rejects').selectAll().execute();
    expect(rejects.map((r) => [r.entity, r.record_id])).toEqual([['bookingService', 'svc-negative']]);

    const hourly = await getStore().db.selectFrom('services').selectAll().where('id', '=', serviceId(h, 'Genoptræning 50 min')).executeTakeFirstOrThrow();
    expect(hourly).toMatchObject({
      display_name: 'Genoptræning 50 min',
      default_price_minor: 78000,
      currency: 'DKK',
      default_price_type: 'hourly',
      default_duration_minutes: 50,
    });

    const link = await linkOf(getStore(), hourly.id);
    const item = items(h).find((i) => i.id === link.bc_item_id)!;
    expect(item).toMatchObject({
      displayName: 'Genoptræning 50 min',
      type: 'Service',
      unitPrice: 780,
      baseUnitOfMeasureCode: 'HOUR',
      taxGroupCode: 'MOMSFRI',
      generalProductPostingGroupCode: 'SERVICES',
    });
    expect(link).toMatchObject({ bc_item_number: item.number, bc_item_unit_price_minor: 78000, currency: 'DKK', conflict_reason: null });
    expect(items(h).filter((i) => i.displayName === 'Genoptræning 50 min')).toHaveLength(1);

    // Price types Bookings does not price as a unit get 0.
    const startingAt = await linkOf(getStore(), serviceId(h, 'Akupunktur'));
    expect(items(h).find((i) => i.id === startingAt.bc_item_id)?.unitPrice).toBe(0);
    // Long names cut to 100 in Business Central, kept whole in our store; markup is text.
    const long = await linkOf(getStore(), 'svc-long');
    expect(items(h).find((i) => i.id === long.bc_item_id)?.displayName).toBe(LONG_NAME.slice(0, 100).trim());
    expect((await getStore().db.selectFrom('services').select('display_name').where('id', '=', 'svc-long').executeTakeFirstOrThrow()).display_name).toBe(
      LONG_NAME,
    );
    const markup = await linkOf(getStore(), 'svc-markup');
    expect(items(h).find((i) => i.id === markup.bc_item_id)?.displayName).toBe('<b>Massage</b> & *mere*');

    // The seeded item "Fysioterapi, opfølgning" (number 1000) is nobody's: a conflict, and no second item.
    const conflicted = await linkOf(getStore(), serviceId(h, 'Fysioterapi, opfølgning'));
    expect(conflicted).toMatchObject({
      bc_item_id: null,
      conflict_reason: 'An item named "Fysioterapi, opfølgning" (number 1000) already exists: link it or rename it',
    });
    expect(items(h).filter((i) => i.displayName.toLowerCase() === 'fysioterapi, opfølgning')).toHaveLength(1);

    const created = items(h).length - before;
    expect(created).toBe(serviceCount - 1);
    expect(recorder.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/$batch']);

    const second = await syncServices(h.context(getStore().db));
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: serviceCount });
    expect(items(h).length).toBe(before + created);
  });

  it("refreshes a linked item's unit price, and lets a person settle a conflict by linking", async () => {
    const hourlyId = serviceId(h, 'Genoptræning 50 min');
    const link = await linkOf(getStore(), hourlyId);
    items(h).find((i) => i.id === link.bc_item_id)!.unitPrice = 800.25;
    const conflictedId = serviceId(h, 'Fysioterapi, opfølgning');
    const existing = items(h).find((i) => i.number === '1000')!;
    await linkServiceToItem(getStore().db, h.businessId.toLowerCase(), conflictedId, existing.id, existing.number, 0, 'DKK', h.clock());

    await syncServices(h.context(getStore().db));
    expect(await linkOf(getStore(), hourlyId)).toMatchObject({ bc_item_id: link.bc_item_id, bc_item_unit_price_minor: 80025, linked_at: link.linked_at });
    expect(await linkOf(getStore(), conflictedId)).toMatchObject({ bc_item_id: existing.id, bc_item_unit_price_minor: 39600, conflict_reason: null });
  });

  it('finds the conflict again after it is cleared while the name is still taken', async () => {
    const id = serviceId(h, 'Fysioterapi, opfølgning');
    await getStore()
      .db.updateTable('service_links')
      .set({ bc_item_id: null, bc_item_number: null, conflict_reason: 'old' })
      .where('bookings_service_id', '=', id)
      .execute();
    await clearServiceConflict(getStore().db, h.businessId.toLowerCase(), id);
    expect((await linkOf(getStore(), id)).conflict_reason).toBeNull();
    const count = items(h).length;
    await syncServices(h.context(getStore().db));
    expect((await linkOf(getStore(), id)).conflict_reason).toContain('(number 1000)');
    expect(items(h).length).toBe(count);
  });

  it('gives the same result under 20% injected faults in both emulators', async () => {
    // 120 services: more than one $batch of items. Every fifth request fails (the first two in a row), on schedule.
    const editSeed = (data: SandboxData) => {
      addFixtures(data);
      const services = data.bookings.businesses[0]!.services;
      const template = services[0]!;
      for (let n = 1; n <= 105; n++) services.push({ ...template, id: `svc-extra-${n}`, displayName: `Ekstra ydelse ${n}`, defaultPrice: n });
    };
    const options = { editSeed, setup: { itemTemplate: { type: 'Service' as const, ...TEMPLATE } } };
    const clean = await startSyncHarness({ ...options, bcSettings: { pageSize: 5 }, graphSettings: { pageSize: 5 } });
    const faulty = await startSyncHarness({
      ...options,
      bcSettings: { pageSize: 5, faultSchedule: { onRequests: [1, 2, ...Array.from({ length: 60 }, (_, i) => 5 * (i + 2))] } },
      graphSettings: { pageSize: 5, faultSchedule: { onRequests: [1, 2, ...Array.from({ length: 60 }, (_, i) => 5 * (i + 2))] } },
    });
    try {
      const cleanStore = await suite.freshTarget().open();
      const faultyStore = await suite.freshTarget().open();
      await syncServices(clean.context(cleanStore.db));
      await syncServices(faulty.context(faultyStore.db));
      expect(faulty.bc.stats().faults + faulty.graph.stats().faultsInjected).toBeGreaterThan(0);
      expect(await outcome(faultyStore, faulty)).toEqual(await outcome(cleanStore, clean));
    } finally {
      await Promise.all([clean.close(), faulty.close()]);
    }
  });
});
