import { findUnsafeText, hasControlCharacters, hasUnsafeTextCharacters, safeText } from './safe-text';

test('single-line text refuses every C0 and C1 control and DEL; free text allows tab and line breaks', () => {
  for (const c of ['\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f'])
    expect([c, hasControlCharacters(`a${c}b`)]).toEqual([c, true]);
  expect(['\t', '\n', '\r'].map((c) => hasUnsafeTextCharacters(`a${c}b`))).toEqual([false, false, false]);
  expect(['\u0000', '\u000b', '\u001b', '\u0080'].map((c) => hasUnsafeTextCharacters(`a${c}b`))).toEqual([true, true, true, true]);
  expect(hasControlCharacters('Søren Ærø — ünïcødé 🙂 \u2028')).toBe(false);
});

test('findUnsafeText names the first bad string or key by its dotted path', () => {
  expect(findUnsafeText({ a: ['ok', { b: 'x\u0000' }] })).toEqual(['a', '1', 'b']);
  expect(findUnsafeText({ ['k\u0001']: 1 })).toEqual(['k\u0001']);
  expect(findUnsafeText('\u0000')).toEqual([]);
  expect(findUnsafeText({ a: 'line\nbreak', n: 1, t: true, z: null })).toBeUndefined();
});

test('safeText refuses with a message in words', () => {
  const result = safeText('Use text').safeParse('a\u0000');
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toMatch(/without control characters/);
  expect(safeText('Use text', { multiLine: true }).parse('a\nb')).toBe('a\nb');
});
