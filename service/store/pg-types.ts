import pg from 'pg';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

function toSafeNumber(text: string): number {
  const value = Number(text);
  // Money is stored in minor units: a silently rounded amount would be worse than a failed query.
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new RangeError(`PostgreSQL value ${text} does not fit a JavaScript number`);
  }
  return value;
}

/**
 * Type parsers for one pool only (not pg's process-wide registry): int8 columns, counts and
 * numeric sums come back as numbers, like SQLite's, instead of strings.
 */
export const numericTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) =>
    oid === INT8_OID || oid === NUMERIC_OID ? toSafeNumber : pg.types.getTypeParser(oid, format),
};
