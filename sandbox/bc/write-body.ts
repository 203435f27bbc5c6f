import type { EntityDescriptor, FieldType } from './entities';
import { BcError, badRequest, invalidBody, readOnlyProperty, stringTooLong, unknownProperty } from './errors';

/** How one writable property is checked: its Edm type, an option list, a maximum length. */
export interface WritableField {
  options?: readonly string[];
  maxLength?: number;
  /** Code fields are stored upper-cased by BC. */
  code?: boolean;
}

export type WriteSpec = Readonly<Record<string, WritableField>>;

const EDM: Record<FieldType, string> = {
  string: 'Edm.String',
  number: 'Edm.Decimal',
  boolean: 'Edm.Boolean',
  guid: 'Edm.Guid',
  date: 'Edm.Date',
  datetime: 'Edm.DateTimeOffset',
};

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses a request body as a JSON object, or BC's "Invalid Request Body". */
export function parseObjectBody(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw invalidBody();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidBody();
  return parsed as Record<string, unknown>;
}

/**
 * Checks a POST/PATCH body against an entity: unknown properties, read-only ones, value types,
 * option values and field lengths fail the way BC fails them. Instance annotations (`@odata.*`)
 * and the named navigation properties are left to the caller.
 */
export function validateWrite(
  body: Record<string, unknown>,
  entity: EntityDescriptor,
  writable: WriteSpec,
  navigation: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(body)) {
    if (name.startsWith('@') || navigation.includes(name)) continue;
    const type = entity.fields[name];
    if (!type) throw unknownProperty(name, entity.type);
    const spec = writable[name];
    if (!spec) throw readOnlyProperty(name);
    out[name] = checkValue(raw, type, spec);
  }
  return out;
}

function checkValue(raw: unknown, type: FieldType, spec: WritableField): unknown {
  const fail = (): BcError => badRequest(`Cannot convert the literal '${String(raw)}' to the expected type '${EDM[type]}'.`);
  switch (type) {
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw fail();
      return raw;
    case 'boolean':
      if (typeof raw !== 'boolean') throw fail();
      return raw;
    case 'guid':
      if (typeof raw !== 'string' || !GUID.test(raw)) throw fail();
      return raw.toLowerCase();
    case 'date':
      if (typeof raw !== 'string' || !DATE.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) throw fail();
      return raw;
    case 'datetime':
      if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) throw fail();
      return raw;
    case 'string': {
      if (typeof raw !== 'string') throw fail();
      if (spec.options && !spec.options.includes(raw)) {
        // The wording and the odd code are what BC returns for an invalid option value.
        throw new BcError(400, 'Unknown', `'${raw}' is not an option. The existing options are: ${spec.options.join(',')}`);
      }
      if (spec.maxLength !== undefined && raw.length > spec.maxLength) throw stringTooLong(raw, spec.maxLength);
      return spec.code ? raw.toUpperCase() : raw;
    }
  }
}

export function requireGuid(value: string, what: string): string {
  if (!GUID.test(value)) throw badRequest(`The key value '${value}' of ${what} is not a valid GUID.`, 'BadRequest_NotFound');
  return value.toLowerCase();
}
