import { diff, mergePatch } from './merge-patch';

describe('mergePatch', () => {
  it('merges objects deeply, replaces arrays and scalars, and removes keys set to null', () => {
    const target = { a: 1, nested: { x: 1, y: 2, deep: { k: 'v' } }, list: [1, 2, 3], gone: 'soon' };
    const patch = { nested: { y: 3, deep: { k2: 'w' } }, list: [9], gone: null, added: true };
    expect(mergePatch(target, patch)).toEqual({
      a: 1,
      nested: { x: 1, y: 3, deep: { k: 'v', k2: 'w' } },
      list: [9],
      added: true,
    });
  });

  it('does not modify its inputs', () => {
    const target = { nested: { x: 1 } };
    mergePatch(target, { nested: { x: 2 } });
    expect(target).toEqual({ nested: { x: 1 } });
  });

  it('replaces a scalar with an object and an object with a scalar', () => {
    expect(mergePatch({ a: 1 }, { a: { b: 2 } })).toEqual({ a: { b: 2 } });
    expect(mergePatch({ a: { b: 2 } }, { a: 'x' })).toEqual({ a: 'x' });
  });
});

describe('diff', () => {
  it('lists changed leaves by dotted path, arrays compared whole, sorted', () => {
    const before = { z: 1, a: { b: 1, c: [1, 2] }, same: { q: [1] }, removed: 'x' };
    const after = { z: 2, a: { b: 1, c: [1, 3] }, same: { q: [1] }, added: false };
    expect(diff(before, after)).toEqual([
      { path: 'a.c', from: [1, 2], to: [1, 3] },
      { path: 'added', from: undefined, to: false },
      { path: 'removed', from: 'x', to: undefined },
      { path: 'z', from: 1, to: 2 },
    ]);
  });

  it('finds nothing between equal documents', () => {
    expect(diff({ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 2 }] } })).toEqual([]);
  });
});
