import type { BookingService } from '../clients/graph/schemas/booking-service';
import type { BookingStaffMember } from '../clients/graph/schemas/booking-staff-member';
import { CATALOG_TTL_MS, CatalogCache } from './catalog-cache';
import type { CatalogSource } from './catalog';

const service = (id: string, displayName: string): BookingService => ({
  id,
  displayName,
  description: '',
  defaultDuration: null,
  defaultPrice: null,
  defaultPriceType: 'notSet',
  isHiddenFromCustomers: false,
  staffMemberIds: [],
});

const staff = (id: string, displayName: string): BookingStaffMember => ({ id, displayName, emailAddress: '', role: 'staff', timeZone: null });

/** A Bookings stand-in that counts reads per business and can be told to fail. */
function fakeBookings() {
  const fake = {
    reads: [] as string[],
    failNext: false,
    staffName: 'Mette Hansen',
    source: {
      listServices: async (businessId: string) => {
        fake.reads.push(businessId);
        return { services: [service('svc-1', ' Klipning '), service('svc-2', 'Farvning')], invalid: [] };
      },
      listStaffMembers: async () => {
        if (fake.failNext) {
          fake.failNext = false;
          throw new Error('Graph is down');
        }
        return { staffMembers: [staff('st-1', fake.staffName), staff('st-2', '')], invalid: [] };
      },
    } as CatalogSource,
  };
  return fake;
}

function cacheOver(fake: ReturnType<typeof fakeBookings>, business = { id: 'salon@contoso.com' }) {
  const clock = { ms: 1_000_000 };
  const cache = new CatalogCache({ bookings: fake.source, businessId: async () => business.id, now: () => clock.ms });
  return { cache, clock, business };
}

test('reads services and staff members with trimmed names; unnamed staff stay listed but unnamed', async () => {
  const { cache } = cacheOver(fakeBookings());
  expect(await cache.get()).toEqual({
    services: [
      { id: 'svc-1', displayName: 'Klipning' },
      { id: 'svc-2', displayName: 'Farvning' },
    ],
    staffMembers: [
      { id: 'st-1', displayName: 'Mette Hansen' },
      { id: 'st-2', displayName: '' },
    ],
  });
  expect([...(await cache.staffNames())]).toEqual([['st-1', 'Mette Hansen']]);
});

test('answers from memory until the time to live has passed, then reads again', async () => {
  const fake = fakeBookings();
  const { cache, clock } = cacheOver(fake);
  await Promise.all([cache.get(), cache.get()]);
  fake.staffName = 'Mette Jensen';
  clock.ms += CATALOG_TTL_MS - 1;
  expect((await cache.get()).staffMembers[0]?.displayName).toBe('Mette Hansen');
  expect(fake.reads).toHaveLength(1);
  clock.ms += 1;
  expect((await cache.get()).staffMembers[0]?.displayName).toBe('Mette Jensen');
  expect(fake.reads).toHaveLength(2);
});

test('a failed read is not kept: the next call reads again', async () => {
  const fake = fakeBookings();
  const { cache } = cacheOver(fake);
  fake.failNext = true;
  await expect(cache.get()).rejects.toThrow('Graph is down');
  expect((await cache.get()).staffMembers).toHaveLength(2);
  expect(fake.reads).toHaveLength(2);
});

test('a changed business in the setup is read at once', async () => {
  const fake = fakeBookings();
  const { cache, business } = cacheOver(fake);
  await cache.get();
  business.id = 'clinic@contoso.com';
  await cache.get();
  expect(fake.reads).toEqual(['salon@contoso.com', 'clinic@contoso.com']);
});
