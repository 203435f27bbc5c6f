import { and, eq, ne, odataGuid, odataString, or } from './odata-filter';

describe('odata filter helpers', () => {
  it('quotes strings and doubles single quotes', () => {
    expect(odataString("o'brien@example.com")).toBe("'o''brien@example.com'");
    expect(odataString("x' or 1 eq 1 or 'a")).toBe("'x'' or 1 eq 1 or ''a'");
  });
  it('builds clauses', () => {
    expect(and(eq('externalDocumentNumber', "BK-1'2"), ne('status', 'Canceled'))).toBe("(externalDocumentNumber eq 'BK-1''2') and (status ne 'Canceled')");
    expect(or(eq('number', 10), eq('blocked', false))).toBe('(number eq 10) or (blocked eq false)');
  });
  it('accepts GUIDs and refuses anything else', () => {
    expect(odataGuid('5d115c9c-44e3-ea11-bb43-000d3a2feca1')).toBe('5d115c9c-44e3-ea11-bb43-000d3a2feca1');
    expect(() => odataGuid('1) or (1 eq 1')).toThrow(RangeError);
  });
});
