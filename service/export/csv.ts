import { formatLocalDateTime } from '../domain/local-day';
import { minorDigits } from '../domain/money';

/*
 * The one CSV writer of every export (runs, a run's invoices, the audit log, the Unbilled list).
 * RFC 4180 fields, CRLF rows, UTF-8 with a byte order mark so that Excel reads Danish letters,
 * and text that a spreadsheet would run as a formula made inert with a leading single quote.
 */

/** A number written as it is (never formula-escaped): money as a decimal with a dot. */
export interface CsvDecimal {
  readonly decimal: string;
}

export type CsvCell = string | number | boolean | null | undefined | CsvDecimal;

/** Excel reads the file as UTF-8 only when it starts with the byte order mark. */
export const CSV_BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * RFC 4180's quote, comma and line break, and the semicolon: Excel in a Danish (or any comma-decimal)
 * locale splits a .csv file on semicolons, honouring quotes, so an unquoted `Karen;=HYPERLINK(...)`
 * would become a second cell that starts with a formula.
 */
const NEEDS_QUOTES = /[",;\r\n]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An amount in minor units as the currency's decimal, e.g. 42000 DKK → 420.00: exact, no float. */
export function decimalOf(minor: number, currency: string): CsvDecimal {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  return { decimal: digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` };
}

function isDecimal(cell: CsvCell): cell is CsvDecimal {
  return typeof cell === 'object' && cell !== null;
}

/** One field: empty for nothing, formula-escaped text, quoted when it holds a quote, comma, semicolon or line break. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let text: string;
  if (isDecimal(cell)) {
    if (!DECIMAL.test(cell.decimal)) throw new Error(`Not a decimal number: ${cell.decimal}`);
    text = cell.decimal;
  } else if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`Not a finite number: ${cell}`);
    text = String(cell);
  } else if (typeof cell === 'boolean') {
    text = cell ? 'true' : 'false';
  } else {
    text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its CRLF line ending. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** A whole file as it is streamed: the byte order mark with the header row, then a chunk per batch of rows. */
export async function* csvChunks(header: readonly string[], batches: AsyncIterable<readonly (readonly CsvCell[])[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(header);
  for await (const rows of batches) {
    if (rows.length > 0) yield rows.map(csvRow).join('');
  }
}

/** The file name of a download: what it is and the day, in characters every system accepts. */
export function csvFileName(what: string, day: string): string {
  return `${what}-${day}`.replace(/[^A-Za-z0-9._-]+/g, '-') + '.csv';
}

/** An instant as "2026-12-03 10:00" in a time zone: what spreadsheets read as a date and time in every language. */
export function csvDateTime(instant: string | null, timeZone: string): string | null {
  return instant === null ? null : formatLocalDateTime(new Date(instant), timeZone);
}
