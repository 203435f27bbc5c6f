import { resolveShortId, shortId } from './short-id';

const IDS = Array.from({ length: 300 }, (_, i) => `AAMkADc3MWUyMGRmLTNmNTgtNGE4ZS1iNmE0LWUzOGE3NTE4NDExNwBGAAAAAACxsQ6ZiPbbR4bkw7B8F6d9BwBbJ7h2${i}AAA=`);

describe('short appointment ids', () => {
  it('are 8 hex digits, stable, and distinct across a business', () => {
    expect(shortId(IDS[0]!)).toMatch(/^[0-9a-f]{8}$/);
    expect(shortId(IDS[0]!)).toBe(shortId(`${IDS[0]}`));
    expect(new Set(IDS.map(shortId)).size).toBe(IDS.length);
  });

  it('resolve from the short id, a unique prefix of it, or the whole id', () => {
    const id = IDS[42]!;
    expect(resolveShortId(IDS, shortId(id))).toEqual({ ok: true, id });
    expect(resolveShortId(IDS, shortId(id).toUpperCase())).toEqual({ ok: true, id });
    expect(resolveShortId(IDS, id)).toEqual({ ok: true, id });
  });

  it('refuse what matches nothing, is too short, or is ambiguous', () => {
    expect(resolveShortId(IDS, 'zzzzzzzz')).toEqual({ ok: false, problem: 'none', matches: [] });
    expect(resolveShortId(IDS, shortId(IDS[0]!).slice(0, 3))).toEqual({ ok: false, problem: 'none', matches: [] });
    // Among 2,000 ids (fixed, so the outcome is too) several pairs share their first 4 hex digits.
    const many = Array.from({ length: 2000 }, (_, i) => `appointment-${i}`);
    const byPrefix = new Map<string, string[]>();
    for (const id of many) byPrefix.set(shortId(id).slice(0, 4), [...(byPrefix.get(shortId(id).slice(0, 4)) ?? []), id]);
    const [prefix, shared] = [...byPrefix].find(([, ids]) => ids.length > 1)!;
    expect(resolveShortId(many, prefix)).toEqual({ ok: false, problem: 'ambiguous', matches: shared });
    expect(resolveShortId(many, shortId(shared[0]!))).toEqual({ ok: true, id: shared[0] });
  });
});
