export { InvoiceRunner, type InvoiceRunnerOptions } from './invoice-runner';
export {
  selectionSchema,
  idSelectionSchema,
  filterSelectionSchema,
  runResultSchema,
  runSummarySchema,
  runInvoiceSchema,
  previewSchema,
  plannedInvoiceSchema,
  skippedSchema,
  runSourceSchema,
  actorSchema,
  RUN_STATES,
  INVOICE_STATUSES,
  SKIP_REASONS,
  RUN_SOURCES,
  MAX_SELECTED_IDS,
  type Selection,
  type SelectionInput,
  type RunResult,
  type RunSummary,
  type RunInvoice,
  type RunState,
  type InvoiceStatus,
  type Preview,
  type Skipped,
  type SkipReason,
  type RunSource,
} from './run-schemas';
export { FAIL_POINTS, SimulatedCrash, type FailPoint, type FailAtHook } from './fail-points';
export { InvalidRunRequestError, RunNotFoundError, RunStoppedError } from './errors';
export { invoiceUrl, type InvoiceLinks } from './invoice-links';
