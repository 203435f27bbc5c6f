export {
  defaultSetup,
  setupSchema,
  LIMITS,
  INVOICE_GROUPINGS,
  type Setup,
  type CustomerTemplate,
  type ItemTemplate,
  type DailySummary,
  type InvoiceGrouping,
} from './setup-schema';
export { applySetupPatch, fieldErrors, type FieldErrors, type SetupPatchResult } from './validate';
export { parseSettingAssignments, type SettingAssignments } from './parse-setting';
export { SetupService, type StoredSetup, type SetupUpdateResult, type SetupChangeSource } from './setup-service';
export type { Change } from './merge-patch';
