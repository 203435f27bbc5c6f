export { syncCustomers, createCustomerSync, CUSTOMER_REFRESH_MS, type CustomerSyncOptions } from './sync-customers';
export { ensureBcCustomers, type CustomerToEnsure, type EnsureBcCustomersDeps, type EnsuredCustomer } from './ensure-bc-customers';
export { SKIP_REASONS } from './skip-reasons';
export { normalizeEmail, emailsOfField } from './email-addresses';
