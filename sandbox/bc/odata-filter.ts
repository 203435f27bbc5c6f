import { FilterSyntaxError, tokenize, type Token } from './odata-filter-lexer';

export { FilterSyntaxError } from './odata-filter-lexer';

export type LiteralType = 'string' | 'number' | 'boolean' | 'guid' | 'date' | 'datetime';
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type FunctionName = 'contains' | 'startswith' | 'endswith';

export type Operand = { kind: 'field'; name: string; pos: number } | { kind: 'literal'; type: LiteralType; value: string | number | boolean; pos: number };

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'call'; name: FunctionName; args: [Operand, Operand] };

const COMPARE_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS: ReadonlySet<string> = new Set(['contains', 'startswith', 'endswith']);

/**
 * Parses a `$filter` expression. Precedence as OData: `not` binds tighter than `and`, which binds
 * tighter than `or`; comparisons are not associative.
 */
export function parseFilter(text: string): FilterNode {
  const parser = new Parser(tokenize(text), text.length);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.peekWord('or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  expectEnd(): void {
    const token = this.tokens[this.index];
    if (token) throw new FilterSyntaxError('Syntax error: unexpected token', token.pos);
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.peekWord('and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.peekWord('not')) {
      this.index += 1;
      return { kind: 'not', operand: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const token = this.next('Expression expected');
    if (token.kind === 'open') {
      const inner = this.parseOr();
      this.expect('close', "')' expected");
      return inner;
    }
    if (token.kind === 'word' && FUNCTIONS.has(token.text.toLowerCase()) && this.tokens[this.index]?.kind === 'open') {
      this.index += 1;
      const first = this.parseOperand();
      this.expect('comma', "',' expected");
      const second = this.parseOperand();
      this.expect('close', "')' expected");
      return { kind: 'call', name: token.text.toLowerCase() as FunctionName, args: [first, second] };
    }
    this.index -= 1;
    const left = this.parseOperand();
    const op = this.next('Comparison operator expected');
    if (op.kind !== 'word' || !COMPARE_OPS.has(op.text)) {
      throw new FilterSyntaxError('Syntax error: comparison operator expected', op.pos);
    }
    const right = this.parseOperand();
    return { kind: 'compare', op: op.text as CompareOp, left, right };
  }

  private parseOperand(): Operand {
    const token = this.next('Expression expected');
    switch (token.kind) {
      case 'string':
        return { kind: 'literal', type: 'string', value: token.value, pos: token.pos };
      case 'number':
        return { kind: 'literal', type: 'number', value: token.value, pos: token.pos };
      case 'guid':
        return { kind: 'literal', type: 'guid', value: token.value, pos: token.pos };
      case 'date':
        return { kind: 'literal', type: 'date', value: token.value, pos: token.pos };
      case 'datetime':
        return { kind: 'literal', type: 'datetime', value: token.value, pos: token.pos };
      case 'word':
        if (token.text === 'true' || token.text === 'false') {
          return { kind: 'literal', type: 'boolean', value: token.text === 'true', pos: token.pos };
        }
        if (COMPARE_OPS.has(token.text) || token.text === 'and' || token.text === 'or' || token.text === 'not') {
          throw new FilterSyntaxError(`Syntax error: '${token.text}' is not valid here`, token.pos);
        }
        return { kind: 'field', name: token.text, pos: token.pos };
      default:
        throw new FilterSyntaxError('Syntax error: expression expected', token.pos);
    }
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'word' && token.text === word;
  }

  private next(what: string): Token {
    const token = this.tokens[this.index];
    if (!token) throw new FilterSyntaxError(`${what} at the end of the expression`, this.length);
    this.index += 1;
    return token;
  }

  private expect(kind: Token['kind'], what: string): void {
    const token = this.next(what);
    if (token.kind !== kind) throw new FilterSyntaxError(`Syntax error: ${what}`, token.pos);
  }
}
