export { postDailySummaries, type SummaryDeps, type SummaryOutcome } from './post-daily-summary';
export { dailySummaryTask, SUMMARY_CHECK_MS } from './summary-task';
export { dueSummaryDay, nextSummaryAt } from './summary-time';
