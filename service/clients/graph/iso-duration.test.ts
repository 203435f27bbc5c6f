import { isoDurationToMs } from './iso-duration';

describe('isoDurationToMs', () => {
  it.each([
    ['PT50M', 50 * 60_000],
    ['PT1H30M', 90 * 60_000],
    ['P1D', 86_400_000],
    ['PT0S', 0],
    ['PT1.5H', 90 * 60_000],
  ])('reads %p', (text, ms) => expect(isoDurationToMs(text)).toBe(ms));
  it.each(['P', 'PT', '50M', 'P1Y'])('rejects %p', (text) => expect(isoDurationToMs(text)).toBeUndefined());
});
