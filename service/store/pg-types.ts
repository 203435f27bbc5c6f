import pg from 'pg';

const { INT8, NUMERIC } = pg.types.builtins;

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
  // pg declares its own parsers' results as any; each one's result is what the column's type says.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  getTypeParser: (oid, format) => (oid === INT8 || oid === NUMERIC ? toSafeNumber : pg.types.getTypeParser(oid, format)),
};
