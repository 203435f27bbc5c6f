import { textTable } from './text-table';

describe('textTable', () => {
  it('aligns columns, cuts long cells with an ellipsis and keeps terminal escapes out', () => {
    const table = textTable(
      ['Name', 'Amount'],
      [
        ['\u001b[31mRed\u001b[0m Hansen', 'DKK 1.00'],
        ['A'.repeat(12), ''],
      ],
      [8, 10],
    );
    expect(table.split('\n')).toEqual(['Name      Amount', '--------  --------', ' [31mRe…  DKK 1.00', 'AAAAAAA…']);
  });
});
