import fc from 'fast-check';
import type { SandboxData } from '../../sandbox/seed';
import { describeEachStore } from '../store/testing/test-stores';
import { syncAppointments } from './appointments';
import { NOW } from './appointments/test-support';
import { syncCustomers } from './customers';
import { syncServices } from './services';
import { startSyncHarness, type SyncHarness } from './testing/sync-harness';

/*
 * Graph and Business Central records broken at random (a field deleted, of another type, NUL and
 * control characters, huge numbers, nested junk): each is stored or recorded in sync_rejects with
 * a reason, one by one; no phase throws, and no sound record is refused. The records are drawn
 * from a fixed seed (fc.sample), so a failure names the record and its breakage and replays.
 */

const SEED = 20261204;
const PER_KIND = 40;
const DELETE = Symbol('delete');

type Path = readonly (string | number)[];
type Mutation = { path: Path; value: unknown };

const hostileText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u001b[31m',
  '<b>x</b>',
  'x'.repeat(5_000),
  '😀',
  '\ud800',
  'null',
  'NaN',
  '2026-02-30T25:61:00',
  'P-1D',
  'PT99999999H',
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(DELETE),
  fc.constant(null),
  hostileText,
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.1 + 0.2),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 2 }),
);

function mutations(paths: readonly Path[]): fc.Arbitrary<Mutation[]> {
  return fc.array(fc.record({ path: fc.constantFrom(...paths), value: junk }), { minLength: 1, maxLength: 3 });
}

function apply<T>(record: T, changes: readonly Mutation[]): T {
  const copy = structuredClone(record) as unknown;
  for (const { path, value } of changes) {
    let target = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      if (next === null || typeof next !== 'object') break;
      target = next as Record<string | number, unknown>;
    }
    const last = path[path.length - 1]!;
    if (value === DELETE) Reflect.deleteProperty(target, last);
    else target[last] = value;
  }
  return copy as T;
}

// Not the start and end: the emulator itself places each appointment by them to answer calendarView.
const APPOINTMENT_PATHS: Path[] = [
  ['serviceId'],
  ['serviceName'],
  ['duration'],
  ['preBuffer'],
  ['postBuffer'],
  ['price'],
  ['priceType'],
  ['staffMemberIds'],
  ['customers'],
  ['maximumAttendeesCount'],
  ['filledAttendeesCount'],
  ['lastUpdatedDateTime'],
  ['createdDateTime'],
  ['customers', 0],
  ['customers', 0, 'customerId'],
  ['customers', 0, 'name'],
  ['customers', 0, 'emailAddress'],
  ['customers', 0, 'timeZone'],
];
const CUSTOMER_PATHS: Path[] = [['displayName'], ['emailAddress'], ['addresses'], ['phones'], ['lastUpdatedDateTime'], ['createdDateTime']];
const SERVICE_PATHS: Path[] = [
  ['displayName'],
  ['defaultDuration'],
  ['defaultPrice'],
  ['defaultPriceType'],
  ['isHiddenFromCustomers'],
  ['staffMemberIds'],
  ['maximumAttendeesCount'],
];
const BC_CUSTOMER_PATHS: Path[] = [
  ['number'],
  ['displayName'],
  ['type'],
  ['email'],
  ['blocked'],
  ['currencyCode'],
  ['balanceDue'],
  ['taxLiable'],
  ['lastModifiedDateTime'],
  ['paymentTermsId'],
];

const bcId = (i: number) => `0f0f0f0f-0000-4000-8000-${String(i).padStart(12, '0')}`;

interface Broken {
  appointments: Map<string, Mutation[]>;
  customers: Map<string, Mutation[]>;
  services: Map<string, Mutation[]>;
  bcCustomers: Map<string, Mutation[]>;
}

/** Copies of sound records, each broken by its drawn mutations, added beside the originals. */
function breakRecords(data: SandboxData): Broken {
  const business = data.bookings.businesses[0]!;
  const company = data.bc.companies[0]!;
  const draw = (paths: Path[], offset: number) => fc.sample(mutations(paths), { seed: SEED + offset, numRuns: PER_KIND });
  const broken: Broken = { appointments: new Map(), customers: new Map(), services: new Map(), bcCustomers: new Map() };

  const past = business.appointments.filter((a) => a.customers.length > 0 && Date.parse(`${a.startDateTime.dateTime}Z`) < NOW.getTime());
  draw(APPOINTMENT_PATHS, 1).forEach((m, i) => {
    const id = `fuzz-appointment-${i}`;
    business.appointments.push({ ...apply(past[i % past.length]!, m), id });
    broken.appointments.set(id, m);
  });
  draw(CUSTOMER_PATHS, 2).forEach((m, i) => {
    const id = `fuzz-customer-${i}`;
    business.customers.push({ ...apply(business.customers[i % business.customers.length]!, m), id });
    broken.customers.set(id, m);
  });
  draw(SERVICE_PATHS, 3).forEach((m, i) => {
    const id = `fuzz-service-${i}`;
    business.services.push({ ...apply(business.services[i % business.services.length]!, m), id });
    broken.services.set(id, m);
  });
  draw(BC_CUSTOMER_PATHS, 4).forEach((m, i) => {
    const id = bcId(i);
    company.customers.push({ ...apply(company.customers[i % company.customers.length]!, m), id });
    broken.bcCustomers.set(id, m);
  });
  return broken;
}

describeEachStore('malformed Graph and Business Central records (fuzzed)', (_getStore, suite) => {
  let h: SyncHarness | undefined;
  afterAll(() => h?.close());

  test(`${PER_KIND} broken records of each kind: stored or refused one by one, never a crashed sync`, async () => {
    const db = (await suite.freshTarget().open()).db;
    let broken: Broken | undefined;
    h = await startSyncHarness({ now: NOW, editSeed: (data) => (broken = breakRecords(data)) });
    const b = broken!;

    for (const phase of [syncServices, syncCustomers, syncAppointments]) {
      const report = await phase(h.context(db));
      expect(report).toBeDefined();
    }

    const rejects = await db.selectFrom('sync_rejects').select(['entity', 'record_id', 'reason']).execute();
    const rejected = (entity: string) => new Set(rejects.filter((r) => r.entity === entity).map((r) => r.record_id));
    // Every refusal says why, and names a broken record: no sound record of the seed is refused.
    const brokenIds = new Set([...b.appointments.keys(), ...b.customers.keys(), ...b.services.keys(), ...b.bcCustomers.keys()]);
    expect(rejects.filter((r) => r.reason.trim().length < 5 || !brokenIds.has(r.record_id ?? ''))).toEqual([]);

    const check = async (table: 'appointments' | 'customers' | 'services', entity: string, ids: Map<string, Mutation[]>) => {
      const stored = new Set(
        (
          await db
            .selectFrom(table)
            .select('id')
            .where('id', 'in', [...ids.keys()])
            .execute()
        ).map((r) => r.id),
      );
      const refused = rejected(entity);
      const neither = [...ids].filter(([id]) => stored.has(id) === refused.has(id)).map(([id, m]) => ({ id, m, stored: stored.has(id) }));
      expect(neither).toEqual([]);
      return { stored: stored.size, refused: refused.size };
    };
    const outcome = {
      appointments: await check('appointments', 'bookingAppointment', b.appointments),
      customers: await check('customers', 'bookingCustomer', b.customers),
      services: await check('services', 'bookingService', b.services),
      bcCustomersRefused: rejected('customer').size,
    };
    // The breakage reaches both outcomes: some records are refused, some are stored safely.
    expect(outcome.appointments.refused).toBeGreaterThan(0);
    expect(outcome.appointments.stored).toBeGreaterThan(0);
    expect(outcome.bcCustomersRefused).toBeGreaterThan(0);
    console.info(`payload fuzz [${suite.kind}]: ${JSON.stringify(outcome)}`);
  }, 120_000);
});
