import { type Setup, setupSchema } from '../../../../contract/api-contract';
import { minorDigits } from '../../../../service/domain/money';
import type { Messages } from '../../i18n/messages-en';

/** Every setup field the form shows, by its dotted path (the same paths the server's `fields` use). */
export const FIELDS = {
  businessId: 'business',
  companyId: 'company',
  pricesIncludeVat: 'flag',
  syncCustomers: 'flag',
  syncServices: 'flag',
  syncIntervalMinutes: 'number',
  lookBackDays: 'number',
  overlapDays: 'number',
  'customerTemplate.type': 'customerType',
  'customerTemplate.paymentTermsId': 'lookup',
  'customerTemplate.currencyCode': 'lookup',
  'customerTemplate.taxAreaId': 'lookup',
  'customerTemplate.taxLiable': 'flag',
  'customerTemplate.shipmentMethodId': 'lookup',
  'customerTemplate.paymentMethodId': 'lookup',
  'itemTemplate.baseUnitOfMeasureCode': 'lookup',
  'itemTemplate.taxGroupCode': 'lookup',
  'itemTemplate.generalProductPostingGroupCode': 'lookup',
  'itemTemplate.itemCategoryCode': 'lookup',
  invoiceGrouping: 'grouping',
  addZeroLinesForFree: 'flag',
  'dailySummary.enabled': 'flag',
  'dailySummary.time': 'time',
  'dailySummary.timeZone': 'text',
  'dailySummary.postWhenEmpty': 'flag',
  'dailySummary.conversationIds': 'conversations',
  'overdueCard.enabled': 'flag',
  'overdueCard.day': 'weekday',
  'overdueCard.time': 'time',
  'autoInvoice.enabled': 'flag',
  'autoInvoice.frequency': 'frequency',
  'autoInvoice.day': 'weekday',
  'autoInvoice.time': 'time',
  // Form-only: fees are on while a fee item is named (one, or per service); off clears them.
  'noShowFee.enabled': 'feeSwitch',
  'noShowFee.itemId': 'feeItem',
  'noShowFee.perService': 'feePerService',
  'noShowFee.rule.kind': 'feeRuleKind',
  'noShowFee.rule.amountMinor': 'feeAmount',
  'noShowFee.rule.percent': 'number',
  'noShowFee.lateCancellationHours': 'number',
  'roles.admins': 'lines',
  'roles.invoicers': 'lines',
} as const;

export type FieldPath = keyof typeof FIELDS;

/** The daily summary's "every installed conversation", as the setup stores it and the form holds it. */
export const ALL_CONVERSATIONS = 'all';
/** A plain value as text ('' for anything else: no "[object Object]"). */
const plainText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';

export type FormValues = Record<FieldPath, string | boolean>;
export type FieldErrors = Partial<Record<string, string>>;

const PATHS = Object.keys(FIELDS) as FieldPath[];

/**
 * How the form holds money: the fee's amount as the decimal a person types, in the business's
 * currency (its minor digits: 2 for DKK and EUR). The setup stores minor units.
 */
export interface MoneyFormat {
  currency: string | null;
}
const digitsOf = (format: MoneyFormat) => (format.currency === null ? 2 : minorDigits(format.currency));

/** A typed decimal ("50", "50,5", "1.250,00" is not one) as minor units, or null when it is not a non-negative amount with at most the currency's decimals. */
export function parseAmount(text: string, format: MoneyFormat): number | null {
  const digits = digitsOf(format);
  const match = /^(\d{1,9})(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** The per-service fee items as the form holds them: one "serviceId=itemId" a line. */
function perServiceText(map: Record<string, string>): string {
  return Object.entries(map)
    .map(([service, item]) => `${service}=${item}`)
    .join('\n');
}

export function perServiceMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && line.slice(at + 1).trim() !== '') map[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return map;
}

function read(setup: Setup, path: FieldPath): unknown {
  let value: unknown = setup;
  for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

export function formValues(setup: Setup, format: MoneyFormat = { currency: null }): FormValues {
  const values = {} as FormValues;
  for (const path of PATHS) {
    const v = read(setup, path);
    if (FIELDS[path] === 'flag') values[path] = v === true;
    else if (Array.isArray(v)) values[path] = v.join('\n');
    else values[path] = plainText(v);
  }
  const fee = setup.noShowFee;
  values['noShowFee.enabled'] = fee.itemId !== null || Object.keys(fee.perService).length > 0;
  values['noShowFee.perService'] = perServiceText(fee.perService);
  values['noShowFee.rule.amountMinor'] = fee.rule.kind === 'fixed' ? (fee.rule.amountMinor / 10 ** digitsOf(format)).toFixed(digitsOf(format)) : '';
  return values;
}

/** Fields the form leaves out of the setup it sends, given the rest of it. */
function leftOut(path: FieldPath, values: FormValues): boolean {
  if (path === 'noShowFee.enabled') return true;
  if ((path === 'noShowFee.itemId' || path === 'noShowFee.perService') && values['noShowFee.enabled'] !== true) return true;
  if (path === 'noShowFee.rule.amountMinor') return values['noShowFee.rule.kind'] !== 'fixed';
  if (path === 'noShowFee.rule.percent') return values['noShowFee.rule.kind'] !== 'percent';
  return false;
}

function lines(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function wireValue(path: FieldPath, value: string | boolean, format: MoneyFormat): unknown {
  const kind = FIELDS[path];
  if (typeof value === 'boolean') return value;
  if (kind === 'feePerService') return perServiceMap(value);
  // What is not an amount goes as typed: the schema refuses it, and validate() says why in words.
  if (kind === 'feeAmount') return parseAmount(value, format) ?? value;
  if (kind === 'number') return value.trim() === '' ? undefined : Number(value);
  if (kind === 'lines') return lines(value);
  if (kind === 'conversations') return value.trim() === ALL_CONVERSATIONS ? ALL_CONVERSATIONS : lines(value);
  if (kind === 'company') return value === '' ? null : value;
  return value.trim() === '' && path !== 'businessId' ? undefined : value;
}

/** The setup the form describes, as the API takes it (blank optional fields left out). */
export function toSetupInput(values: FormValues, format: MoneyFormat = { currency: null }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of PATHS) {
    if (leftOut(path, values)) continue;
    const value = wireValue(path, values[path], format);
    if (value === undefined) continue;
    const keys = path.split('.');
    let target = out;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1] ?? path] = value;
  }
  return out;
}

export type FeeWords = Pick<Messages, 'feeItemNeeded' | 'feeAmountInvalid' | 'feePercentInvalid' | 'feeHoursInvalid'>;

/**
 * Inline validation with the server's own schema, so both say the same thing; the fee's fields in
 * the reader's words (the schema speaks of minor units and rule objects, which no one types here).
 */
export function validate(values: FormValues, words: FeeWords, format: MoneyFormat = { currency: null }): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = setupSchema.safeParse(toSetupInput(values, format));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (path.startsWith('noShowFee.rule'))
        errors[values['noShowFee.rule.kind'] === 'fixed' ? 'noShowFee.rule.amountMinor' : 'noShowFee.rule.percent'] ??= issue.message;
      else errors[path.startsWith('noShowFee.perService') ? 'noShowFee.perService' : path] ??= issue.message;
    }
  }
  if (errors['noShowFee.rule.amountMinor']) errors['noShowFee.rule.amountMinor'] = words.feeAmountInvalid(format.currency ?? '');
  if (errors['noShowFee.rule.percent']) errors['noShowFee.rule.percent'] = words.feePercentInvalid;
  if (errors['noShowFee.lateCancellationHours']) errors['noShowFee.lateCancellationHours'] = words.feeHoursInvalid;
  if (
    values['noShowFee.enabled'] === true &&
    values['noShowFee.itemId'] === '' &&
    Object.keys(perServiceMap(String(values['noShowFee.perService']))).length === 0
  ) {
    errors['noShowFee.itemId'] = words.feeItemNeeded;
  }
  return errors;
}

/** The server's `fields` keyed as the form's paths; errors inside a list land on the list's field. */
export function fieldErrorsFromServer(fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [raw, message] of Object.entries(fields)) {
    const path = raw.replace(/^patch\./, '');
    const field = PATHS.find((p) => path === p || path.startsWith(`${p}.`)) ?? path;
    errors[field] ??= message;
  }
  return errors;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    // null in a merge patch resets the setting to its default: that is what a blanked field means.
    patch[key] = isObject(a) && isObject(b) ? diff(a, b) : (b ?? null);
  }
  return patch;
}

/** A JSON merge patch (objects merge, arrays replace, null resets) of what the form changed. */
export function mergePatch(original: FormValues, values: FormValues, format: MoneyFormat = { currency: null }): Record<string, unknown> {
  return diff(toSetupInput(original, format), toSetupInput(values, format));
}
