export {
  CARD_VERBS,
  type CardVerb,
  cardActionDataSchemas,
  type InvoiceAllData,
  invoiceAllDataSchema,
  MAX_REFRESH_USER_IDS,
  type RefreshCardData,
  refreshCardDataSchema,
  type RetryFailedData,
  retryFailedDataSchema,
} from './action-data';
export type {
  AppointmentRow,
  CardMoney,
  CardPeriod,
  CreatedInvoice,
  FailedInvoice,
  RunProgressInput,
  RunResultInput,
  RunState,
  StatusInput,
  SyncOutcome,
} from './card-input';
export { type CardContext, type CardLocale, languageOf, localeOf, type TabLinkOptions } from './card-locale';
export { type DailySummaryInput, dailySummaryCard, dailySummaryData } from './daily-summary-card';
export { parseUnbilledSubEntityId, UNBILLED_TAB_ENTITY_ID, type UnbilledTabFilter, unbilledSubEntityId, unbilledTabDeepLink } from './deep-link';
export { escapeMarkdown, escapeText } from './escape-markdown';
export { CARD_BYTE_BUDGET, CardTooLargeError, type FittedCard, fitToLimit, TEAMS_MESSAGE_LIMIT_BYTES } from './fit-to-limit';
export { formatMoney } from './format';
export { type HelpInput, helpCard } from './help-card';
export { type GreetingScope, installGreetingCard, setupTabDeepLink } from './install-greeting-card';
export { type InvoicePreviewInput, invoicePreviewCard, invoicePreviewData } from './invoice-preview-card';
export type { ListOptions } from './list-options';
export { refusalCard } from './refusal-card';
export { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCardJson, CardTemplateError, cardBytes, renderCard } from './render-card';
export { type RunProgressCardInput, runProgressCard, runProgressData } from './run-progress-card';
export { runResultCard, runResultData } from './run-result-card';
export { statusCard, statusData } from './status-card';
export type { TemplateData, TemplateName } from './template-data';
export { shownInvoiceable } from './shown-invoiceable';
export { type UnbilledListInput, unbilledListCard, unbilledListData } from './unbilled-list-card';
export { type OverdueInvoiceRow, type OverdueInvoicesInput, overdueInvoicesCard, overdueInvoicesData } from './overdue-invoices-card';
