import { customerEntity, salesInvoiceEntity } from './entities';
import { BcError } from './errors';
import { compileFilter } from './filter-eval';
import { FilterSyntaxError, parseFilter } from './odata-filter';

describe('parseFilter', () => {
  it('binds and tighter than or', () => {
    const node = parseFilter("number eq 'A' or number eq 'B' and type eq 'Person'");
    expect(node.kind).toBe('or');
    if (node.kind !== 'or') throw new Error('unreachable');
    expect(node.left.kind).toBe('compare');
    expect(node.right.kind).toBe('and');
  });

  it('lets parentheses override precedence', () => {
    const node = parseFilter("(number eq 'A' or number eq 'B') and type eq 'Person'");
    expect(node.kind).toBe('and');
    if (node.kind !== 'and') throw new Error('unreachable');
    expect(node.left.kind).toBe('or');
  });

  it("reads '' inside a string literal as one quote, and keeps 'and'/'or' inside strings", () => {
    const node = parseFilter("displayName eq 'O''Brien and or Co'");
    expect(node).toEqual({
      kind: 'compare',
      op: 'eq',
      left: { kind: 'field', name: 'displayName', pos: 0 },
      right: { kind: 'literal', type: 'string', value: "O'Brien and or Co", pos: 15 },
    });
  });

  it('recognises GUID, date, date-time, number and boolean literals', () => {
    const types = [
      'customerId eq 0a1b2c3d-aaaa-bbbb-cccc-1234567890ab',
      'invoiceDate ge 2024-03-01',
      'lastModifiedDateTime gt 2024-03-01T10:00:00Z',
      'totalAmountIncludingTax lt -12.5',
      'pricesIncludeTax eq true',
    ].map((text) => {
      const node = parseFilter(text);
      if (node.kind !== 'compare' || node.right.kind !== 'literal') throw new Error('unexpected');
      return node.right.type;
    });
    expect(types).toEqual(['guid', 'date', 'datetime', 'number', 'boolean']);
  });

  it.each([
    ["number eq 'open", 'unterminated'],
    ['number eq', 'end'],
    ['(number eq 1', "')'"],
    ['number eq 1 1', 'unexpected'],
    ['number ~ 1', 'not valid'],
    ['eq 1', 'not valid'],
  ])('rejects %s', (text, fragment) => {
    expect(() => parseFilter(text)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(text)).toThrow(new RegExp(fragment.replace(/[()]/g, '\\$&')));
  });
});

describe('compileFilter', () => {
  const records = [
    {
      number: 'C1',
      type: 'Person',
      email: 'a@x.dk',
      displayName: "O'Brien",
      lastModifiedDateTime: '2024-01-02T00:00:00Z',
      id: 'AAAAAAAA-0000-0000-0000-000000000001',
    },
    {
      number: 'C2',
      type: 'Company',
      email: 'b@x.dk',
      displayName: 'Beta',
      lastModifiedDateTime: '2024-02-02T00:00:00Z',
      id: 'aaaaaaaa-0000-0000-0000-000000000002',
    },
    {
      number: 'C3',
      type: 'Person',
      email: 'c@y.dk',
      displayName: 'Gamma',
      lastModifiedDateTime: '2024-03-02T00:00:00Z',
      id: 'aaaaaaaa-0000-0000-0000-000000000003',
    },
  ];
  const run = (text: string) => records.filter(compileFilter(text, customerEntity)).map((r) => r.number);

  it('evaluates and before or', () => {
    expect(run("number eq 'C2' or type eq 'Person' and email eq 'c@y.dk'")).toEqual(['C2', 'C3']);
    expect(run("(number eq 'C2' or type eq 'Person') and email eq 'c@y.dk'")).toEqual(['C3']);
  });

  it('compares strings, escaped quotes, date-times and GUIDs (case-insensitively)', () => {
    expect(run("displayName eq 'O''Brien'")).toEqual(['C1']);
    expect(run("number ne 'C1' and number le 'C2'")).toEqual(['C2']);
    expect(run('lastModifiedDateTime ge 2024-02-02T00:00:00Z')).toEqual(['C2', 'C3']);
    expect(run('id eq aaaaaaaa-0000-0000-0000-000000000001')).toEqual(['C1']);
    expect(run("contains(email,'@x.') and not startswith(number,'C1')")).toEqual(['C2']);
  });

  it('looks records up by a list of values of one property as comparing each would: strings exactly, GUIDs in any case', () => {
    expect(run("email eq 'b@x.dk' or email eq 'c@y.dk' or email eq 'B@X.DK'")).toEqual(['C2', 'C3']);
    expect(run("'c@y.dk' eq email or email eq 'nobody@x.dk'")).toEqual(['C3']);
    expect(run('id eq AAAAAAAA-0000-0000-0000-000000000002 or id eq aaaaaaaa-0000-0000-0000-000000000001')).toEqual(['C1', 'C2']);
    expect(run('lastModifiedDateTime eq 2024-03-02T00:00:00Z or lastModifiedDateTime eq 2024-01-02T00:00:00.000Z')).toEqual(['C1', 'C3']);
    // Two properties, or another operator: evaluated as written.
    expect(run("email eq 'b@x.dk' or number eq 'C3'")).toEqual(['C2', 'C3']);
    expect(run("email eq 'b@x.dk' or email ne 'a@x.dk'")).toEqual(['C2', 'C3']);
  });

  it('rejects unknown properties and incompatible literal types with 400', () => {
    const fail = (text: string) => {
      try {
        compileFilter(text, salesInvoiceEntity);
      } catch (error) {
        return error;
      }
      throw new Error('no error');
    };
    const unknown = fail("nonsense eq 'x'");
    expect(unknown).toBeInstanceOf(BcError);
    expect((unknown as BcError).status).toBe(400);
    expect((unknown as BcError).message).toContain("Could not find a property named 'nonsense'");
    expect((fail("customerId eq 'abc'") as BcError).message).toContain("'Edm.Guid' and 'Edm.String'");
    expect((fail("invoiceDate eq '2024-01-01'") as BcError).status).toBe(400);
    expect((fail("number eq 'x' and") as BcError).code).toBe('BadRequest_InvalidFilter');
  });

  it('filters invoices by date range and status', () => {
    const invoices = [
      { invoiceDate: '2024-01-31', status: 'Draft', totalAmountIncludingTax: 10 },
      { invoiceDate: '2024-02-01', status: 'Open', totalAmountIncludingTax: 20 },
      { invoiceDate: '2024-02-29', status: 'Canceled', totalAmountIncludingTax: 30 },
    ];
    const predicate = compileFilter("invoiceDate ge 2024-02-01 and invoiceDate le 2024-02-29 and status ne 'Canceled'", salesInvoiceEntity);
    expect(invoices.filter(predicate).map((i) => i.totalAmountIncludingTax)).toEqual([20]);
  });
});
