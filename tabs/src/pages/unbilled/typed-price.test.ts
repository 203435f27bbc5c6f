import { parseTypedPrice } from './typed-price';

describe('a typed price', () => {
  it.each([
    ['450', 45_000],
    ['450.50', 45_050],
    ['450,5', 45_050],
    ['1.250,50', 125_050],
    ['1,250.50', 125_050],
    ['1 250', 125_000],
    ['1.250', 125_000],
    ['0', 0],
  ])('reads %s in DKK as %d øre', (text, minor) => {
    expect(parseTypedPrice(text, 'DKK')).toBe(minor);
  });

  it.each(['', 'abc', '-5', '4.5.0,1', '45,50,5', '450.', '1e3'])('refuses %j', (text) => {
    expect(parseTypedPrice(text, 'DKK')).toBeNull();
  });

  it("follows the currency's decimals", () => {
    expect(parseTypedPrice('450', 'JPY')).toBe(450);
    expect(parseTypedPrice('450,5', 'JPY')).toBeNull();
  });
});
