/** The Unbilled list's sort and filter indexes on appointments (migrations 0018-0031; partial on list_open = 1 since 0033). */
export const LIST_SORT_AND_FILTER_INDEXES = [
  'appointments_list_amount_asc_idx',
  'appointments_list_amount_desc_idx',
  'appointments_list_customer_idx',
  'appointments_list_duration_desc_idx',
  'appointments_list_duration_idx',
  'appointments_list_end_idx',
  'appointments_list_fee_idx',
  'appointments_list_price_asc_idx',
  'appointments_list_price_desc_idx',
  'appointments_list_service_desc_idx',
  'appointments_list_service_idx',
  'appointments_list_start_idx',
] as const;
