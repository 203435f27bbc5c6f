import { escapeMarkdown, escapeText } from './escape-markdown';

test.each([
  ['*bold*', '\\*bold\\*'],
  ['_it_', '\\_it\\_'],
  ['[x](http://evil)', '\\[x\\]\\(http://evil\\)'],
  ['<b>x</b>', '\\<b\\>x\\</b\\>'],
  ['# h', '\\# h'],
  ['> quote', '\\> quote'],
  ['`code` ~~s~~ |t|', '\\`code\\` \\~\\~s\\~\\~ \\|t\\|'],
  ['back\\slash', 'back\\\\slash'],
  ['Hansen & Søn', 'Hansen \\& Søn'],
  ['- item', '\\- item'],
  ['+ item', '\\+ item'],
  ['1. first', '1\\. first'],
  ['2026. year', '2026\\. year'],
  ['![img](x)', '\\!\\[img\\]\\(x\\)'],
  ['Søren Ærø-Østergård', 'Søren Ærø-Østergård'],
])('%s', (input, expected) => {
  expect(escapeMarkdown(input)).toBe(expected);
});

test('new lines are folded so nothing can start a heading or list on a line of its own', () => {
  expect(escapeMarkdown('Anne\n# Boss\r\n- x')).toBe('Anne \\# Boss - x');
});

test("Adaptive Cards' {{DATE()}} functions are broken up", () => {
  expect(escapeMarkdown('{{DATE(2026-01-01T00:00:00Z, SHORT)}}')).not.toContain('{{');
});

test('escapeText shortens by code points before escaping', () => {
  const long = '🙂'.repeat(100);
  const short = escapeText(long, 10);
  expect(Array.from(short)).toHaveLength(10);
  expect(short.endsWith('…')).toBe(true);
  expect(escapeText('  *x*  ')).toBe('\\*x\\*');
});
