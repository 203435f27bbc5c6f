export { listInvoiceRuns, getInvoiceRun } from './list-invoice-runs';
export { listAuditLog } from './list-audit-log';
export {
  MAX_HISTORY_LIMIT,
  listInvoiceRunsRequestSchema,
  invoiceRunSummarySchema,
  invoiceRunPageSchema,
  listAuditLogRequestSchema,
  auditEntrySchema,
  auditPageSchema,
  type ListInvoiceRunsRequest,
  type InvoiceRunSummary,
  type InvoiceRunPage,
  type ListAuditLogRequest,
  type AuditEntry,
  type AuditPage,
} from './history-schemas';
