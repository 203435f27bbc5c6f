import type { EntityDescriptor, FieldType } from './entities';
import { badRequest } from './errors';
import { FilterSyntaxError, parseFilter, type CompareOp, type FilterNode, type Operand } from './odata-filter';

export type RecordPredicate = (record: Readonly<Record<string, unknown>>) => boolean;

const EDM: Record<FieldType, string> = {
  string: 'Edm.String',
  number: 'Edm.Decimal',
  boolean: 'Edm.Boolean',
  guid: 'Edm.Guid',
  date: 'Edm.Date',
  datetime: 'Edm.DateTimeOffset',
};

const OP_KIND: Record<CompareOp, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

/** A plain value as text ('' for anything else: no "[object Object]"). */
const plainText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

/** Parses and type-checks `$filter` against an entity; errors are BC's 400s. */
export function compileFilter(text: string, entity: EntityDescriptor): RecordPredicate {
  let node: FilterNode;
  try {
    node = parseFilter(text);
  } catch (error) {
    if (error instanceof FilterSyntaxError) {
      throw badRequest(`${error.message} at position ${error.position} in '${text}'.`, 'BadRequest_InvalidFilter');
    }
    throw error;
  }
  check(node, entity);
  return equalityLookup(node, entity) ?? ((record) => evaluate(node, record, entity));
}

/**
 * A filter that only says "this property equals one of these values" (`a eq 'x' or a eq 'y' ...`, how
 * clients look records up by key), as one Set look-up per record: the same answer as evaluating it, without
 * comparing every record with every value (a verify page's look-ups against thousands of invoices).
 */
function equalityLookup(node: FilterNode, entity: EntityDescriptor): RecordPredicate | undefined {
  let field: string | undefined;
  const wanted: Extract<Operand, { kind: 'literal' }>[] = [];
  const collect = (n: FilterNode): boolean => {
    if (n.kind === 'or') return collect(n.left) && collect(n.right);
    if (n.kind !== 'compare' || n.op !== 'eq') return false;
    const [property, literal] = n.left.kind === 'field' ? [n.left, n.right] : [n.right, n.left];
    if (property.kind !== 'field' || literal.kind !== 'literal' || (field !== undefined && field !== property.name)) return false;
    field = property.name;
    wanted.push(literal);
    return true;
  };
  if (!collect(node) || field === undefined) return undefined;
  const name = field;
  const type = operandType({ kind: 'field', name, pos: 0 }, entity);
  const values = new Set(wanted.map((literal) => normalise(type, literal.value)));
  // NaN equals nothing, itself included, as `compare` has it; a Set would match it.
  if ([...values].some((v) => Number.isNaN(v))) return undefined;
  return (record) => values.has(normalise(type, record[name]));
}

function operandType(operand: Operand, entity: EntityDescriptor): FieldType {
  if (operand.kind === 'literal') return operand.type;
  const type = entity.fields[operand.name];
  if (!type) throw badRequest(`Could not find a property named '${operand.name}' on type 'Microsoft.NAV.${entity.type}'.`);
  return type;
}

function check(node: FilterNode, entity: EntityDescriptor): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      check(node.left, entity);
      check(node.right, entity);
      return;
    case 'not':
      check(node.operand, entity);
      return;
    case 'call':
      for (const arg of node.args) {
        if (operandType(arg, entity) !== 'string') {
          throw badRequest(`No function signature for the function with name '${node.name}' matches the specified arguments.`);
        }
      }
      return;
    case 'compare': {
      const left = operandType(node.left, entity);
      const right = operandType(node.right, entity);
      if (left !== right) {
        throw badRequest(
          `A binary operator with incompatible types was detected. Found operand types '${EDM[left]}' and '${EDM[right]}' for operator kind '${OP_KIND[node.op]}'.`,
        );
      }
    }
  }
}

function value(operand: Operand, record: Readonly<Record<string, unknown>>): unknown {
  return operand.kind === 'literal' ? operand.value : record[operand.name];
}

function evaluate(node: FilterNode, record: Readonly<Record<string, unknown>>, entity: EntityDescriptor): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, record, entity) && evaluate(node.right, record, entity);
    case 'or':
      return evaluate(node.left, record, entity) || evaluate(node.right, record, entity);
    case 'not':
      return !evaluate(node.operand, record, entity);
    case 'call': {
      // BC turns these into `*x*` style filters, which are case-sensitive without '@'.
      const haystack = plainText(value(node.args[0], record));
      const needle = plainText(value(node.args[1], record));
      if (node.name === 'contains') return haystack.includes(needle);
      if (node.name === 'startswith') return haystack.startsWith(needle);
      return haystack.endsWith(needle);
    }
    case 'compare': {
      const type = operandType(node.left, entity);
      const order = compare(normalise(type, value(node.left, record)), normalise(type, value(node.right, record)));
      switch (node.op) {
        case 'eq':
          return order === 0;
        case 'ne':
          return order !== 0;
        case 'gt':
          return order > 0;
        case 'ge':
          return order >= 0;
        case 'lt':
          return order < 0;
        case 'le':
          return order <= 0;
      }
    }
  }
}

/**
 * Values to comparable form. Strings compare ordinally and case-sensitively, as Business Central
 * online's SQL collation does for `eq`; GUIDs case-insensitively, blank as the nil GUID.
 */
function normalise(type: FieldType, raw: unknown): string | number {
  switch (type) {
    case 'number':
      return typeof raw === 'number' ? raw : Number(raw);
    case 'boolean':
      return raw === true ? 1 : 0;
    case 'guid':
      return typeof raw === 'string' && raw !== '' ? raw.toLowerCase() : NIL_GUID;
    case 'datetime':
      return typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
    default:
      return plainText(raw);
  }
}

function compare(a: string | number, b: string | number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
