import type {
  RunStartOptions,
  AppointmentChangeResponse,
  AuditQuery,
  AuditResponse,
  BcCompaniesResponse,
  BookingsBusinessesResponse,
  CardPreviewQuery,
  CardPreviewResponse,
  CatalogResponse,
  ConnectionTestRequest,
  ConnectionTestResponse,
  ConversationsResponse,
  EnteredPriceRequest,
  ExportLanguage,
  InvoiceRunsQuery,
  InvoiceRunsResponse,
  MeResponse,
  PaymentCustomersQuery,
  PaymentCustomersResponse,
  PaymentsQuery,
  PaymentsResponse,
  Preview,
  RunInvoicesQuery,
  RunInvoicesResponse,
  RunSummary,
  SelectionInput,
  SetupPatchResponse,
  SetupResponse,
  SetupTablesQuery,
  SetupTablesResponse,
  StartedRun,
  StartedSync,
  SyncRunsResponse,
  SyncRunView,
  UnbilledQuery,
  UnbilledResponse,
  CustomerLinkChoices,
  LinkChoice,
  AppointmentLinkChoice,
  LinkResult,
  ServiceLinkChoices,
} from '../../../contract/api-contract';
import type { ExportRequest } from './export-path';

/** What the pages ask of the server; the HTTP client and the tests' in-memory fake both implement it. */
export interface Api {
  me(): Promise<MeResponse>;
  unbilled(query: UnbilledQuery): Promise<UnbilledResponse>;
  /** The business's services and staff members with their names. */
  catalog(): Promise<CatalogResponse>;
  previewRun(selection: SelectionInput): Promise<Preview>;
  /** `options.afterCreate` overrides the setup's choice for this run. */
  startRun(selection: SelectionInput, options?: RunStartOptions): Promise<StartedRun>;
  /** The run without its invoices (poll this); its invoices come by page from `runInvoices`. */
  run(id: string): Promise<RunSummary>;
  retryRun(id: string): Promise<StartedRun>;
  runs(query: InvoiceRunsQuery): Promise<InvoiceRunsResponse>;
  /** A page of one run's invoices. */
  runInvoices(runId: string, query: RunInvoicesQuery): Promise<RunInvoicesResponse>;
  /** A CSV export, as the file to save. */
  exportCsv(request: ExportRequest, lang: ExportLanguage): Promise<ExportedFile>;
  exclude(appointmentId: string, reason?: string): Promise<AppointmentChangeResponse>;
  include(appointmentId: string): Promise<AppointmentChangeResponse>;
  /** Marks an ended appointment as a no-show; `attended` undoes it. Both idempotent. */
  markNoShow(appointmentId: string): Promise<AppointmentChangeResponse>;
  attended(appointmentId: string): Promise<AppointmentChangeResponse>;
  setPrice(appointmentId: string, price: EnteredPriceRequest['price']): Promise<AppointmentChangeResponse>;
  startSync(): Promise<StartedSync>;
  syncRun(id: string): Promise<SyncRunView>;
  syncRuns(limit?: number): Promise<SyncRunsResponse>;
  setup(): Promise<SetupResponse>;
  patchSetup(patch: Record<string, unknown>, version: number): Promise<SetupPatchResponse>;
  businesses(): Promise<BookingsBusinessesResponse>;
  companies(): Promise<BcCompaniesResponse>;
  /** A Business Central company's payment terms, units, tax groups, currencies, ... for the template pickers. */
  setupTables(query: SetupTablesQuery): Promise<SetupTablesResponse>;
  /** The chats and channels where the app is installed. */
  conversations(): Promise<ConversationsResponse>;
  /** The bot's daily summary card for yesterday, drawn by the server with the form's time zone. */
  cardPreview(query: CardPreviewQuery): Promise<CardPreviewResponse>;
  testConnections(request: ConnectionTestRequest): Promise<ConnectionTestResponse>;
  audit(query: AuditQuery): Promise<AuditResponse>;
  /** The business's invoices with their payment state (a customer's with `customer`). */
  payments(query: PaymentsQuery): Promise<PaymentsResponse>;
  /** The customer view: a customer a row, with counts, what it owes and its oldest unpaid due date. */
  paymentCustomers(query: PaymentCustomersQuery): Promise<PaymentCustomersResponse>;
  /** What a Bookings service can be linked to in Business Central (admin). */
  serviceLinkChoices(serviceId: string, search: string): Promise<ServiceLinkChoices>;
  linkService(serviceId: string, choice: LinkChoice): Promise<LinkResult>;
  /** What a Bookings customer can be linked to in Business Central (admin). */
  customerLinkChoices(customerId: string, search: string): Promise<CustomerLinkChoices>;
  linkCustomer(customerId: string, choice: LinkChoice): Promise<LinkResult>;
  /** An appointment without attendees: the Business Central customer it is invoiced to (admin). */
  appointmentCustomerChoices(appointmentId: string, search: string): Promise<CustomerLinkChoices>;
  linkAppointmentCustomer(appointmentId: string, choice: AppointmentLinkChoice): Promise<LinkResult>;
}

export interface ExportedFile {
  fileName: string;
  blob: Blob;
}
