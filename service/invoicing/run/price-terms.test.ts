import { describeEachStore } from '../../store/testing/test-stores';
import { readPriceTerms, rememberPriceTerms } from './price-terms';

const NOW = new Date('2026-11-25T10:00:00Z');
const WRITERS = 6;
const ROUNDS = 5;

/** `ids` rotated by `by`: every writer takes the rows in another order, as runs learning from different invoices do. */
const rotated = <T>(items: readonly T[], by: number): T[] => [...items.slice(by), ...items.slice(0, by)];

describeEachStore('rememberPriceTerms', (getStore) => {
  it('six runs remembering the same customers and items at once all succeed (no deadlock) and agree', async () => {
    const db = getStore().db;
    const items = Array.from({ length: 30 }, (_, i) => `item-${String(i).padStart(2, '0')}`);
    const customers = Array.from({ length: 30 }, (_, i) => `customer-${String(i).padStart(2, '0')}`);
    for (let round = 0; round < ROUNDS; round++) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: WRITERS }, (_, w) =>
          rememberPriceTerms(
            db,
            'biz',
            {
              customers: new Map(rotated(customers, w * 5).map((id) => [id, (round + w) % 2 === 0])),
              items: new Map(rotated(items, w * 5).map((id) => [id, 25])),
            },
            NOW,
          ),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String(o.reason))).toEqual([]);
    }
    const terms = await readPriceTerms(db, 'biz');
    expect(terms.itemVatPercent.size).toBe(items.length);
    expect(terms.customerPricesIncludeTax.size).toBe(customers.length);
  });
});
