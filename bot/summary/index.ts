export { postDailySummaries, type SummaryDeps, type SummaryOutcome } from './post-daily-summary';
export { dailySummaryTask, SUMMARY_CHECK_MS } from './summary-task';
export { dueSummaryDay, nextSummaryAt } from './summary-time';
export { postOverdueCards, overdueCardTask, type OverdueCardDeps, type OverdueOutcome } from './overdue-cards';
export { announceAutoInvoiceRuns, type AutoInvoiceCardDeps } from './auto-invoice-cards';
export { postOnce, type ScheduledPostDeps } from './post-once';
export { dailyCardRenderer } from './daily-card-preview';
