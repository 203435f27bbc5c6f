/** Tokens of an OData `$filter` expression. */
export type Token =
  | { kind: 'open'; pos: number }
  | { kind: 'close'; pos: number }
  | { kind: 'comma'; pos: number }
  | { kind: 'word'; pos: number; text: string }
  | { kind: 'string'; pos: number; value: string }
  | { kind: 'number'; pos: number; value: number }
  | { kind: 'guid'; pos: number; value: string }
  | { kind: 'date'; pos: number; value: string }
  | { kind: 'datetime'; pos: number; value: string };

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})(?![\w:.])/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\w:.-])/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/;
const WORD = /^[A-Za-z_][A-Za-z0-9_.]*/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      pos += 1;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'open' : ch === ')' ? 'close' : 'comma', pos });
      pos += 1;
      continue;
    }
    if (ch === "'") {
      const { value, end } = readString(text, pos);
      tokens.push({ kind: 'string', pos, value });
      pos = end;
      continue;
    }
    const rest = text.slice(pos);
    // Order matters: a GUID can start with digits or letters, a date with digits.
    const guid = GUID.exec(rest);
    if (guid) {
      tokens.push({ kind: 'guid', pos, value: guid[0].toLowerCase() });
      pos += guid[0].length;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      if (Number.isNaN(Date.parse(datetime[0]))) throw new FilterSyntaxError(`Invalid date-time '${datetime[0]}'`, pos);
      tokens.push({ kind: 'datetime', pos, value: datetime[0] });
      pos += datetime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      if (Number.isNaN(Date.parse(`${date[0]}T00:00:00Z`))) throw new FilterSyntaxError(`Invalid date '${date[0]}'`, pos);
      tokens.push({ kind: 'date', pos, value: date[0] });
      pos += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', pos, value: Number(number[0]) });
      pos += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', pos, text: word[0] });
      pos += word[0].length;
      continue;
    }
    throw new FilterSyntaxError(`Syntax error: character '${ch}' is not valid`, pos);
  }
  return tokens;
}

/** A string literal: single quotes, a quote inside doubled (''). */
function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let pos = start + 1;
  while (pos < text.length) {
    const ch = text[pos]!;
    if (ch === "'") {
      if (text[pos + 1] === "'") {
        value += "'";
        pos += 2;
        continue;
      }
      return { value, end: pos + 1 };
    }
    value += ch;
    pos += 1;
  }
  throw new FilterSyntaxError('There is an unterminated string literal', start);
}
