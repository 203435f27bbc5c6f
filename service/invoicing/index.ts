export {
  priceAppointment,
  hourlyAmount,
  type PricingContext,
  type PricingResult,
  type PricedLine,
  type UnpricedLine,
  type UnpricedReason,
  type ReviewFlag,
  type PriceSource,
} from '../domain/pricing';
export { toBcLine, expectedBcTotals, type BcTarget, type BcLine, type BcTotals } from './bc-line';
export { describeLine, truncateText, DESCRIPTION_MAX_LENGTH, type LineDescriptionInput, type DescriptionLocale } from './line-description';
export { groupLines, customerEmailKey, GROUPING_RULES, DEFAULT_GROUPING_RULE, type GroupingRule, type GroupingOptions, type InvoiceGroup } from './grouping';
export { externalDocumentNumber, EXTERNAL_DOCUMENT_NUMBER_LENGTH } from './invoice-key';
