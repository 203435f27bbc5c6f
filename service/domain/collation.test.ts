import { compareDanish, sortDanish } from './collation';

describe('Danish collation', () => {
  it('puts Æ, Ø and Å after Z, in that order, whatever the case', () => {
    const names = ['Åse Holm', 'Ølstykke Fysio', 'Zacharias Berg', 'æble Hansen', 'Anders Ærø', 'Bo Ek'];
    expect(sortDanish(names, (n) => n)).toEqual(['Anders Ærø', 'Bo Ek', 'Zacharias Berg', 'æble Hansen', 'Ølstykke Fysio', 'Åse Holm']);
  });

  it('reads aa as å, and numbers by value', () => {
    expect(sortDanish(['Aalborg Klinik', 'Ærø', 'Zealand'], (n) => n)).toEqual(['Zealand', 'Ærø', 'Aalborg Klinik']);
    expect(sortDanish(['30 DAGE', '8 DAGE', '14 DAGE'], (n) => n)).toEqual(['8 DAGE', '14 DAGE', '30 DAGE']);
  });

  it('gives names that differ only in case a fixed order, so a sort is stable across runs', () => {
    expect(compareDanish('hansen', 'Hansen')).not.toBe(0);
    expect(Math.sign(compareDanish('hansen', 'Hansen'))).toBe(-Math.sign(compareDanish('Hansen', 'hansen')));
  });
});
