export { listInvoiceRuns, getInvoiceRun, listRunInvoices } from './list-invoice-runs';
export { listAuditLog } from './list-audit-log';
export { HistoryService } from './history-service';
export { whoSchema, whoOf, type Who } from './who';
export { auditAboutSchema, type AuditAbout } from './audit-about';
export {
  MAX_HISTORY_LIMIT,
  listInvoiceRunsRequestSchema,
  invoiceRunSummarySchema,
  invoiceRunPageSchema,
  listAuditLogRequestSchema,
  auditEntrySchema,
  auditPageSchema,
  listRunInvoicesRequestSchema,
  runInvoicePageSchema,
  type ListInvoiceRunsRequest,
  type InvoiceRunSummary,
  type InvoiceRunPage,
  type ListAuditLogRequest,
  type AuditEntry,
  type AuditPage,
  type ListRunInvoicesRequest,
  type RunInvoicePage,
} from './history-schemas';
