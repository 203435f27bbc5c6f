import type { Route } from '../route';
import { excludeAppointment } from './exclude-appointment';
import { exportAudit } from './export-audit';
import { exportInvoiceRuns } from './export-invoice-runs';
import { exportRunInvoices } from './export-run-invoices';
import { exportUnbilled } from './export-unbilled';
import { getCardPreview } from './get-card-preview';
import { getCatalog } from './get-catalog';
import { getAppointmentCustomerChoices } from './get-appointment-customer-choices';
import { getCustomerLinkChoices } from './get-customer-link-choices';
import { getInvoiceRun } from './get-invoice-run';
import { getMe } from './get-me';
import { getServiceLinkChoices } from './get-service-link-choices';
import { getSetup } from './get-setup';
import { getSyncRun } from './get-sync-run';
import { getUnbilled } from './get-unbilled';
import { includeAppointment } from './include-appointment';
import { listAudit } from './list-audit';
import { listBcCompanies } from './list-bc-companies';
import { listBcSetupTables } from './list-bc-setup-tables';
import { listBookingsBusinesses } from './list-bookings-businesses';
import { listConversations } from './list-conversations';
import { listInvoiceRuns } from './list-invoice-runs';
import { listPaymentCustomers } from './list-payment-customers';
import { listPayments } from './list-payments';
import { listRunInvoices } from './list-run-invoices';
import { listSyncRuns } from './list-sync-runs';
import { markNoShow } from './mark-no-show';
import { patchSetup } from './patch-setup';
import { previewInvoiceRun } from './preview-invoice-run';
import { putAppointmentPrice } from './put-appointment-price';
import { putAppointmentCustomer } from './put-appointment-customer';
import { putCustomerLink } from './put-customer-link';
import { putServiceLink } from './put-service-link';
import { retryInvoiceRun } from './retry-invoice-run';
import { startInvoiceRun } from './start-invoice-run';
import { startSync } from './start-sync';
import { testConnections } from './test-connections';
import { undoNoShow } from './undo-no-show';

/** Every endpoint of the tab's API. */
export const API_ROUTES: readonly Route[] = [
  getMe,
  getUnbilled,
  getCatalog,
  previewInvoiceRun,
  startInvoiceRun,
  listInvoiceRuns,
  listPayments,
  listPaymentCustomers,
  getInvoiceRun,
  listRunInvoices,
  retryInvoiceRun,
  excludeAppointment,
  includeAppointment,
  putAppointmentPrice,
  markNoShow,
  undoNoShow,
  startSync,
  listSyncRuns,
  getSyncRun,
  getSetup,
  patchSetup,
  listBookingsBusinesses,
  listBcCompanies,
  listBcSetupTables,
  listConversations,
  getCardPreview,
  testConnections,
  listAudit,
  getServiceLinkChoices,
  putServiceLink,
  getCustomerLinkChoices,
  putCustomerLink,
  getAppointmentCustomerChoices,
  putAppointmentCustomer,
  exportInvoiceRuns,
  exportRunInvoices,
  exportAudit,
  exportUnbilled,
];
