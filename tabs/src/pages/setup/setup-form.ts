import { type Setup, setupSchema } from '../../../../contract/api-contract';

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

function read(setup: Setup, path: FieldPath): unknown {
  let value: unknown = setup;
  for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

export function formValues(setup: Setup): FormValues {
  const values = {} as FormValues;
  for (const path of PATHS) {
    const v = read(setup, path);
    if (FIELDS[path] === 'flag') values[path] = v === true;
    else if (Array.isArray(v)) values[path] = v.join('\n');
    else values[path] = plainText(v);
  }
  return values;
}

function lines(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function wireValue(path: FieldPath, value: string | boolean): unknown {
  const kind = FIELDS[path];
  if (typeof value === 'boolean') return value;
  if (kind === 'number') return value.trim() === '' ? undefined : Number(value);
  if (kind === 'lines') return lines(value);
  if (kind === 'conversations') return value.trim() === ALL_CONVERSATIONS ? ALL_CONVERSATIONS : lines(value);
  if (kind === 'company') return value === '' ? null : value;
  return value.trim() === '' && path !== 'businessId' ? undefined : value;
}

/** The setup the form describes, as the API takes it (blank optional fields left out). */
export function toSetupInput(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of PATHS) {
    const value = wireValue(path, values[path]);
    if (value === undefined) continue;
    const keys = path.split('.');
    let target = out;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1] ?? path] = value;
  }
  return out;
}

/** Inline validation with the server's own schema, so both say the same thing. */
export function validate(values: FormValues): FieldErrors {
  const parsed = setupSchema.safeParse(toSetupInput(values));
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
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
export function mergePatch(original: FormValues, values: FormValues): Record<string, unknown> {
  return diff(toSetupInput(original), toSetupInput(values));
}
