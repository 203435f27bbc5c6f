export { queryUnbilled } from './query-unbilled';
export { ListTotalsCache } from './list-totals-cache';
export { allUnbilled } from './all-unbilled';
export { resolveSelection } from './resolve-selection';
export { filteredAppointments, joinedAppointments, type UnbilledContext } from './unbilled-source';
export { eligibilitySql, type EligibilitySql } from './eligibility-sql';
export {
  reasonsFor,
  linePriceFor,
  REASONS,
  NOTES,
  noteFor,
  type Note,
  type Reason,
  type AppointmentFacts,
  type EligibilityOptions,
  type LinePrice,
} from './eligibility';
export {
  unbilledFilterSchema,
  unbilledRequestSchema,
  unbilledResponseSchema,
  unbilledRowSchema,
  unbilledCustomerSchema,
  STATE_FILTERS,
  SORT_KEYS,
  MAX_LIMIT,
  DEFAULT_LIMIT,
  type UnbilledFilter,
  type UnbilledFilterInput,
  type UnbilledRequest,
  type UnbilledRequestInput,
  type UnbilledResponse,
  type UnbilledRow,
  type UnbilledCustomer,
  type DayAmounts,
  type StateFilter,
  type SortKey,
} from './unbilled-schemas';
