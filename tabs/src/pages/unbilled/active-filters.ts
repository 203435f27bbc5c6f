import { EMPTY_FILTER, type Filter } from './filter-state';

/**
 * How many filters narrow the list, for the "Filters (n)" button that stands in for the folded-away
 * form: each field set counts once; the reason only while blocked rows are shown (it applies only then).
 */
export function activeFilterCount(filter: Filter): number {
  const set = [
    filter.from !== '',
    filter.to !== '',
    filter.customer.trim() !== '',
    filter.serviceId !== '',
    filter.staffMemberId !== '',
    filter.search.trim() !== '',
    filter.show !== EMPTY_FILTER.show,
    filter.show !== 'invoiceable' && filter.reason !== '',
  ];
  return set.filter(Boolean).length;
}
