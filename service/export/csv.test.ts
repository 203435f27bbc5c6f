import { CSV_BOM, csvChunks, csvDateTime, csvField, csvFileName, csvRow, decimalOf } from './csv';

async function* batches<T>(...items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe('csv writer', () => {
  it('makes text a spreadsheet would run as a formula inert with a leading single quote', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+45 12 34 56 78')).toBe("'+45 12 34 56 78");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('quotes fields with quotes, commas and line breaks per RFC 4180, and leaves others bare', () => {
    expect(csvField('Hansen, Jens')).toBe('"Hansen, Jens"');
    expect(csvField('6" nails')).toBe('"6"" nails"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('Søren Ærø')).toBe('Søren Ærø');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField(false)).toBe('false');
    expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });

  it('quotes a semicolon, on which Excel in a Danish locale splits cells: no second cell can start a formula', () => {
    expect(csvField('Karen;=HYPERLINK("http://x")')).toBe('"Karen;=HYPERLINK(""http://x"")"');
    expect(csvField('Holm; Karen')).toBe('"Holm; Karen"');
  });

  it('writes money as an exact decimal, negative amounts as numbers rather than escaped text', () => {
    expect(csvField(decimalOf(42000, 'DKK'))).toBe('420.00');
    expect(csvField(decimalOf(5, 'DKK'))).toBe('0.05');
    expect(csvField(decimalOf(-1250, 'EUR'))).toBe('-12.50');
    expect(csvField(decimalOf(1500, 'JPY'))).toBe('1500');
    expect(csvField(decimalOf(123456789012, 'DKK'))).toBe('1234567890.12');
    expect(() => csvField({ decimal: '=1' })).toThrow(/Not a decimal/);
  });

  it('streams the byte order mark and header first, then each batch of rows', async () => {
    const file = await text(csvChunks(['Name', 'Amount'], batches([['Å', decimalOf(100, 'DKK')]], [], [['=x', null]])));
    expect(file).toBe(`${CSV_BOM}Name,Amount\r\nÅ,1.00\r\n'=x,\r\n`);
    expect(Buffer.from(file, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes instants as a 24-hour local date and time', () => {
    expect(csvDateTime('2026-12-03T09:05:00.000Z', 'Europe/Copenhagen')).toBe('2026-12-03 10:05');
    expect(csvDateTime('2026-07-01T22:30:00.000Z', 'Europe/Copenhagen')).toBe('2026-07-02 00:30');
    expect(csvDateTime(null, 'Europe/Copenhagen')).toBeNull();
  });

  it('names files safely', () => {
    expect(csvFileName('invoice run 1/2', '2026-12-04')).toBe('invoice-run-1-2-2026-12-04.csv');
  });
});
