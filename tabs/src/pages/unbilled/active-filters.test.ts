import { activeFilterCount } from './active-filters';
import { EMPTY_FILTER, initialGridState } from './filter-state';
import { LIST_SORT_CHOICES, withSortChoice } from './list-sort';

describe('the folded filters', () => {
  it('counts each field that narrows the list, the reason only while blocked rows are shown', () => {
    expect(activeFilterCount(EMPTY_FILTER)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTER, from: '2026-11-01', to: '2026-11-30', customer: '  ' })).toBe(2);
    expect(activeFilterCount({ ...EMPTY_FILTER, serviceId: 's', staffMemberId: 'm', search: 'massage' })).toBe(3);
    expect(activeFilterCount({ ...EMPTY_FILTER, reason: 'price-needed' })).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTER, show: 'not-invoiceable', reason: 'price-needed' })).toBe(2);
  });
});

describe('the list sort menu', () => {
  it('offers every sortable column both ways and sets key and direction together, from the first page', () => {
    expect(LIST_SORT_CHOICES).toHaveLength(12);
    const state = { ...initialGridState({}, 50), page: 3 };
    expect(withSortChoice(state, 'amount:desc')).toMatchObject({ sort: 'amount', direction: 'desc', page: 0 });
    expect(withSortChoice(withSortChoice(state, 'amount:desc'), 'amount:desc')).toMatchObject({ sort: 'amount', direction: 'desc' });
    expect(withSortChoice(state, 'nonsense:asc')).toBe(state);
  });
});
