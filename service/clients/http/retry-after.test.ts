import { parseRetryAfter } from './retry-after';
import { redactUrl } from './redact-url';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it.each([
    ['2', 2000],
    ['0', 0],
    [' 10 ', 10_000],
    ['Sun, 01 Mar 2026 12:00:05 GMT', 5000],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 0],
  ])('reads %p as %p ms', (header, ms) => expect(parseRetryAfter(header, now)).toBe(ms));

  it.each([null, undefined, '', 'soon'])('ignores %p', (header) => expect(parseRetryAfter(header, now)).toBeUndefined());
});

describe('redactUrl', () => {
  it('keeps range and paging parameters and hides the rest', () => {
    expect(redactUrl("https://h/x?start=2026-01-01&$filter=email eq 'a@b'&$top=5")).toBe('https://h/x?start=2026-01-01&$filter=…&$top=5');
  });
  it('leaves a URL without query alone', () => expect(redactUrl('https://h/x/y')).toBe('https://h/x/y'));
});
