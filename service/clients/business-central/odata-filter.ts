/** An OData string literal: quoted, with single quotes doubled, so user text cannot break out of a $filter. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A GUID literal for key segments and filters; refuses anything else rather than pass it into a URL. */
export function odataGuid(value: string): string {
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value)) {
    throw new RangeError(`not a GUID: ${JSON.stringify(value)}`);
  }
  return value;
}

export type FilterValue = string | number | boolean;

function literal(value: FilterValue): string {
  return typeof value === 'string' ? odataString(value) : String(value);
}

/** `field eq 'value'`; the field name is ours, never user input. */
export function eq(field: string, value: FilterValue): string {
  return `${field} eq ${literal(value)}`;
}

export function ne(field: string, value: FilterValue): string {
  return `${field} ne ${literal(value)}`;
}

export function and(...clauses: string[]): string {
  return clauses.map((c) => `(${c})`).join(' and ');
}

export function or(...clauses: string[]): string {
  return clauses.map((c) => `(${c})`).join(' or ');
}
