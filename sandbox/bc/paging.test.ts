import { incrementNumber, lastUsedIn, nextInSeries, seriesDefinitions } from './numbering';
import { formatSkiptoken, parseSkiptoken, takePage } from './paging';

describe('takePage', () => {
  const records = Array.from({ length: 7 }, (_, i) => ({ n: `N${i}` }));
  const key = (r: { n: string }) => r.n;

  it('pages by key until the last page', () => {
    const first = takePage(records, key, { top: undefined, skip: undefined, skiptoken: undefined }, 3);
    expect(first.records.map(key)).toEqual(['N0', 'N1', 'N2']);
    expect(first.next).toEqual({ skiptoken: "'N2'", top: undefined });
    const second = takePage(records, key, { top: undefined, skip: undefined, skiptoken: first.next!.skiptoken }, 3);
    expect(second.records.map(key)).toEqual(['N3', 'N4', 'N5']);
    const last = takePage(records, key, { top: undefined, skip: undefined, skiptoken: second.next!.skiptoken }, 3);
    expect(last.records.map(key)).toEqual(['N6']);
    expect(last.next).toBeUndefined();
  });

  it('honours $skip on the first page and $top across pages', () => {
    const first = takePage(records, key, { top: 4, skip: 1, skiptoken: undefined }, 3);
    expect(first.records.map(key)).toEqual(['N1', 'N2', 'N3']);
    expect(first.next).toEqual({ skiptoken: "'N3'", top: 1 });
    const second = takePage(records, key, { top: 1, skip: undefined, skiptoken: "'N3'" }, 3);
    expect(second.records.map(key)).toEqual(['N4']);
    expect(second.next).toBeUndefined();
  });

  it('quotes text keys and round-trips quotes', () => {
    expect(formatSkiptoken("O'B")).toBe("'O''B'");
    expect(parseSkiptoken("'O''B'")).toBe("O'B");
    expect(parseSkiptoken('20000')).toBe(20000);
    expect(() => parseSkiptoken('bad token')).toThrow('not valid');
  });
});

describe('number series', () => {
  it('increments the trailing digits keeping their width', () => {
    expect(incrementNumber('C00010', 10)).toBe('C00020');
    expect(incrementNumber('102999', 1)).toBe('103000');
  });

  it('continues after the highest number of its shape and skips numbers in use', () => {
    const last = lastUsedIn(seriesDefinitions.customer, ['C00010', 'C00100', 'X1', 'C00020']);
    expect(last).toBe('C00100');
    expect(nextInSeries(seriesDefinitions.customer, new Set(['C00110']), last)).toBe('C00120');
    expect(nextInSeries(seriesDefinitions.postedInvoice, new Set(), undefined)).toBe('103001');
  });
});
