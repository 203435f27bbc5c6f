export { syncReconcile, RECONCILED_STATUSES } from './sync-reconcile';
export { CANCELED_REVIEW_REASON } from './apply-reconcile';
export { fetchInvoicesById, IDS_PER_FILTER } from './fetch-invoices-by-id';
export { decide, type ReconcileDecision } from './reconcile-decision';
export { postedUrl } from './posted-url';
