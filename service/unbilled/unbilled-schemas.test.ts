import { containsPattern } from './like';
import { unbilledFilterSchema, unbilledRequestSchema } from './unbilled-schemas';

describe('unbilledRequestSchema', () => {
  it('fills the defaults and lower-cases the business id', () => {
    expect(unbilledRequestSchema.parse({ businessId: ' Clinic@Example.DK ' })).toEqual({
      businessId: 'clinic@example.dk',
      state: 'invoiceable',
      sort: 'start',
      direction: 'asc',
      offset: 0,
      limit: 50,
    });
  });

  it.each([
    [{ limit: 501 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ offset: 1.5 }, 'offset'],
    [{ sort: 'total' }, 'sort'],
    [{ state: 'paid' }, 'state'],
    [{ from: '2026-13-01' }, 'from'],
    [{ from: '2026-11-01T08:00:00' }, 'from'],
    [{ from: '2026-11-02', to: '2026-11-01' }, 'to'],
    [{ from: '2026-11-01T10:00:00Z', to: '2026-11-01T09:00:00Z' }, 'to'],
    [{ search: 'x'.repeat(201) }, 'search'],
    [{ unknown: 1 }, ''],
  ])('refuses %j', (extra, path) => {
    const result = unbilledRequestSchema.safeParse({ businessId: 'b@example.dk', ...extra });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('treats blank text filters as absent and accepts a date with a date-time', () => {
    const parsed = unbilledFilterSchema.parse({ businessId: 'b', customer: '  ', search: '', from: '2026-11-01', to: '2026-11-01T10:00:00+01:00' });
    expect(parsed.customer).toBeUndefined();
    expect(parsed.search).toBeUndefined();
    expect(parsed.to).toBe('2026-11-01T10:00:00+01:00');
  });
});

describe('containsPattern', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
