import { endedByReasons, noShowActionOf, noShowRefusal } from './no-show-rule';

describe('the no-show rule', () => {
  it.each([
    [{ state: 'unbilled', ended: true }, true, null],
    [{ state: 'excluded', ended: true }, true, null],
    [{ state: 'unbilled', ended: false }, true, 'not-ended'],
    [{ state: 'cancelled', ended: true }, true, 'cancelled'],
    [{ state: 'claimed', ended: true }, true, 'claimed'],
    [{ state: 'invoiced', ended: true }, true, 'invoiced'],
    [{ state: 'cancelled', ended: true }, false, null],
    [{ state: 'unbilled', ended: false }, false, null],
    [{ state: 'claimed', ended: true }, false, 'claimed'],
    [{ state: 'invoiced', ended: true }, false, 'invoiced'],
  ] as const)('%o asking noShow=%s is refused for %s', (subject, noShow, refusal) => {
    expect(noShowRefusal(subject, noShow)).toBe(refusal);
  });

  it('offers marking an unmarked ended row, undoing a marked one, and nothing a run holds', () => {
    expect(noShowActionOf({ state: 'unbilled', ended: true, noShow: false })).toBe('mark');
    expect(noShowActionOf({ state: 'unbilled', ended: true, noShow: true })).toBe('undo');
    expect(noShowActionOf({ state: 'unbilled', ended: false, noShow: false })).toBeNull();
    expect(noShowActionOf({ state: 'invoiced', ended: true, noShow: true })).toBeNull();
    expect(endedByReasons(['not-ended'])).toBe(false);
    expect(endedByReasons(['price-needed'])).toBe(true);
  });
});
