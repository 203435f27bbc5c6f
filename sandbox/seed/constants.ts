/** Where the sandbox's data lives; env/.env.sandbox points the product at these. */
export const SANDBOX_BUSINESS_ID = 'fysio@nordlys.onmicrosoft.com';
export const SANDBOX_TENANT = 'sandbox-tenant';
export const SANDBOX_ENVIRONMENT = 'production';
export const SANDBOX_COMPANY_ID = 'c0ffee00-5a4d-4b0c-9a11-000000000001';

/** The clinic's business hours are local time here; appointments are converted to UTC from it. */
export const CLINIC_TIME_ZONE = 'Europe/Copenhagen';
export const CLINIC_CURRENCY = 'DKK';
