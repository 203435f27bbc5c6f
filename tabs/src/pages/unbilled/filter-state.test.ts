import { filterFromLink, initialGridState, linkQuery, pageCount, sortFromLink, toQuery, withFilter, withNextPage, withPage, withSort } from './filter-state';
import { withSortChoice } from './list-sort';
import { applyPageSelection, NOTHING_SELECTED, selectAllMatching, selectedAmounts, toSelection } from './selection';

describe('grid state', () => {
  it('asks for invoiceable rows by default, first page, sorted by start', () => {
    expect(toQuery(initialGridState({}, 25))).toEqual({ state: 'invoiceable', sort: 'start', direction: 'asc', offset: 0, limit: 25 });
  });

  it('puts the filter into the query and goes back to the first page', () => {
    let s = withPage(initialGridState({}, 10), 3, 100);
    expect(toQuery(s).offset).toBe(30);
    s = withFilter(s, { from: '2026-11-01', customer: '  Ærø ', show: 'unbilled', serviceId: 'svc-1' });
    expect(toQuery(s)).toEqual({
      state: 'unbilled',
      sort: 'start',
      direction: 'asc',
      offset: 0,
      limit: 10,
      from: '2026-11-01',
      customer: 'Ærø',
      serviceId: 'svc-1',
    });
  });

  it('toggles the sort direction on the same column', () => {
    const s = withSort(withSort(initialGridState(), 'price'), 'price');
    expect([s.sort, s.direction]).toEqual(['price', 'desc']);
    expect(withSort(s, 'customer').direction).toBe('asc');
  });

  it('keeps the sort and the dates in the link, and reads them back', () => {
    const state = withSort(withSort(withFilter(initialGridState(), { from: '2026-11-01', customer: 'Ærø' }), 'amount'), 'amount');
    const link = linkQuery(state);
    expect(link).toBe('?from=2026-11-01&customer=%C3%86r%C3%B8&sort=amount&direction=desc');
    expect(sortFromLink(link)).toEqual({ sort: 'amount', direction: 'desc' });
    expect(filterFromLink(link)).toEqual({ from: '2026-11-01', customer: 'Ærø' });
    expect(linkQuery(initialGridState())).toBe('');
    expect(sortFromLink('sort=price;drop&direction=up')).toEqual({});
  });

  it('clamps pages', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
    expect(withPage(initialGridState(), 9, 101).page).toBe(2);
  });

  it("goes to the next page by the shown answer's cursor, and by offset for every other move", () => {
    const first = initialGridState({}, 10);
    const second = withNextPage(first, { total: 35, offset: 0, limit: 10, after: 'cursor-1' });
    expect(toQuery(second)).toMatchObject({ offset: 10, limit: 10, after: 'cursor-1' });
    // An answer of another page (one still loading, say) has no say: the offset alone.
    expect(toQuery(withNextPage(second, { total: 35, offset: 0, limit: 10, after: 'cursor-1' }))).not.toHaveProperty('after');
    expect(toQuery(withNextPage(second, { total: 35, offset: 10, limit: 10 }))).not.toHaveProperty('after');
    // Past the last page nothing moves.
    expect(withNextPage(withPage(first, 3, 35), { total: 35, offset: 30, limit: 10, after: 'cursor-3' }).page).toBe(3);
    for (const moved of [withPage(second, 0, 35), withFilter(second, { search: 'anna' }), withSort(second, 'price'), withSortChoice(second, 'amount:desc')]) {
      expect(toQuery(moved)).not.toHaveProperty('after');
    }
  });

  it('reads a deep link filter and ignores junk', () => {
    expect(filterFromLink('from=2026-11-01&to=2026-11-15&customer=Anna')).toEqual({ from: '2026-11-01', to: '2026-11-15', customer: 'Anna' });
    expect(filterFromLink('from=yesterday&customer=%20')).toEqual({});
  });
});

describe('selection model', () => {
  const page = [
    { id: 'a', amount: { minor: 100, currency: 'DKK' } },
    { id: 'b', amount: null },
    { id: 'c', amount: { minor: 250, currency: 'DKK' } },
  ];

  it('keeps rows chosen on other pages and sends ids', () => {
    const first = applyPageSelection(NOTHING_SELECTED, page, new Set(['a', 'c']));
    const second = applyPageSelection(first, [{ id: 'd', amount: null }], new Set(['d']));
    expect(toSelection(second, initialGridState().filter)).toEqual({ kind: 'ids', appointmentIds: ['a', 'c', 'd'] });
    expect(selectedAmounts(second)).toEqual([
      { minor: 100, currency: 'DKK' },
      { minor: 250, currency: 'DKK' },
    ]);
  });

  it('sends the filter, not ids, for all matching', () => {
    const filter = { ...initialGridState().filter, from: '2026-11-01', search: 'klip' };
    expect(toSelection(selectAllMatching(), filter)).toEqual({ kind: 'filter', from: '2026-11-01', search: 'klip' });
  });

  it('selects nothing to send when empty, and unchecking in all-matching keeps the page rows', () => {
    expect(toSelection(NOTHING_SELECTED, initialGridState().filter)).toBeNull();
    const after = applyPageSelection(selectAllMatching(), page, new Set(['a', 'b']));
    expect(toSelection(after, initialGridState().filter)).toEqual({ kind: 'ids', appointmentIds: ['a', 'b'] });
  });
});
