import { sortDanish } from '../domain/collation';
import { describeEachStore } from '../store/testing/test-stores';
import { queryUnbilled } from './query-unbilled';
import { appointmentRow, BUSINESS, context, resetRows } from './testing/unbilled-fixtures';

/* ORDER BY customer and service in Danish order on SQLite and PostgreSQL alike, as Intl.Collator('da') has it. */

const CUSTOMERS = [
  'Åse Holm',
  'øjvind Berg',
  'Zacharias Lund',
  'Ærbødig ApS',
  'anders Ek',
  'Aage Kofoed',
  'Ditte Møller',
  'Émile Roux',
  'Bo Åkerlund',
  'Östen Nyberg',
];
const SERVICES = ['Øvelser', 'Akupunktur', 'Ærgoterapi', 'zoneterapi', 'Åndedræt', 'Massage'];

describeEachStore('queryUnbilled in Danish order', (getStore) => {
  beforeAll(() =>
    resetRows(
      getStore().db,
      CUSTOMERS.map((name, i) =>
        appointmentRow(`d-${i}`, { service_name: SERVICES[i % SERVICES.length], attendees: [{ id: `c${i}`, name, email: `c${i}@example.dk` }] }),
      ),
      [],
    ),
  );
  const query = (sort: 'customer' | 'service', direction: 'asc' | 'desc') =>
    queryUnbilled(getStore().db, { businessId: BUSINESS, state: 'all', limit: 50, sort, direction }, context());

  it('sorts customers with Æ, Ø and Å after Z, aa as å, and other accents as Danish does, both ways', async () => {
    const expected = sortDanish(CUSTOMERS, (n) => n);
    expect(expected.slice(-5)).toEqual(['Ærbødig ApS', 'øjvind Berg', 'Östen Nyberg', 'Aage Kofoed', 'Åse Holm']);
    expect((await query('customer', 'asc')).rows.map((r) => r.customers[0]?.name)).toEqual(expected);
    expect((await query('customer', 'desc')).rows.map((r) => r.customers[0]?.name)).toEqual([...expected].reverse());
  });

  it('sorts services the same way', async () => {
    const names = (await query('service', 'asc')).rows.map((r) => r.serviceName);
    expect([...new Set(names)]).toEqual(sortDanish([...new Set(SERVICES)], (n) => n));
  });
});
