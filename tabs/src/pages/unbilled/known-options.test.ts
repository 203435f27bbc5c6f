import { pickerOptions } from './known-options';

describe('pickerOptions', () => {
  it('sorts catalog and seen names in Danish order, whatever the reader picked', () => {
    const catalog = new Map([
      ['s1', 'Åse Berg'],
      ['s2', 'Anders Holm'],
      ['s3', 'Ørnulf Dahl'],
    ]);
    const seen = new Map([
      ['s4', 'Zacharias Lund'],
      ['s5', 'Ærbødig Jensen'],
    ]);
    expect(pickerOptions(catalog, seen).map((o) => o.label)).toEqual(['Anders Holm', 'Zacharias Lund', 'Ærbødig Jensen', 'Ørnulf Dahl', 'Åse Berg']);
  });
});
