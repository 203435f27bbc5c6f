export { createClients, type Clients } from './create-clients';

export { type TokenProvider, TokenError, GRAPH_SCOPE, BUSINESS_CENTRAL_SCOPE } from './auth/token-provider';
export { StaticTokenProvider } from './auth/static-token-provider';
export { MsalTokenProvider, type MsalSettings, type ClientCredentialClientFactory } from './auth/msal-token-provider';
export { createTokenProvider } from './auth/create-token-provider';

export { HttpError, type HttpErrorReason, type RequestName } from './http/http-error';
export { InvalidResponseError } from './http/invalid-response-error';
export type { InvalidRecord } from './http/parse-records';
export type { RetryOptions } from './http/retry-policy';
export type { FetchFn } from './http/http-client';

export { BookingsClient, MAILBOX_CONCURRENCY, type BookingsClientOptions, type CalendarViewPage } from './graph/bookings-client';
export { GRAPH_BATCH_MAX_ITEMS, type AppointmentsByIds } from './graph/appointments-by-ids';
export type { BookingAppointment, BookingCustomerInformation } from './graph/schemas/booking-appointment';
export type { BookingBusiness } from './graph/schemas/booking-business';
export type { BookingCustomer } from './graph/schemas/booking-customer';
export type { BookingService } from './graph/schemas/booking-service';
export type { BookingStaffMember } from './graph/schemas/booking-staff-member';
export { bookingPriceTypes, type BookingPriceType } from './graph/schemas/common';
export { windowsToIana } from './graph/windows-time-zones';
export { resolveTimeZone } from './graph/resolve-time-zone';
export { zonedDateTimeToUtc } from './graph/zoned-date-time';
export { isoDurationToMs } from './graph/iso-duration';

export { BusinessCentralClient, BC_CONCURRENCY, NoCompanyError, type BusinessCentralClientOptions } from './business-central/business-central-client';
export { BC_BATCH_MAX_OPERATIONS, type BcBatchOperation, type BcBatchOptions, type BcBatchResult } from './business-central/bc-batch';
export { odataString, odataGuid, eq, ne, and, or } from './business-central/odata-filter';
export { companySchema, type Company } from './business-central/schemas/company';
export { companyInformationSchema, type CompanyInformation } from './business-central/schemas/company-information';
export { customerSchema, type Customer, type CustomerCreate } from './business-central/schemas/customer';
export { itemSchema, type Item, type ItemCreate } from './business-central/schemas/item';
export {
  salesInvoiceSchema,
  salesInvoiceLineSchema,
  type SalesInvoice,
  type SalesInvoiceLine,
  type SalesInvoiceCreate,
  type SalesInvoiceLineCreate,
} from './business-central/schemas/sales-invoice';
