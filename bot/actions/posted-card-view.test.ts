import { context } from '../cards/testing/card-fixtures';
import type { CardSelection } from '../../service/conversations';
import { selectionPeriod } from './posted-card-view';

const yesterday: CardSelection = { firstDay: '2026-11-02', lastDay: '2026-11-02', customer: null, periodName: 'yesterday', label: 'yesterday (Nov 2, 2026)' };

describe("a posted card's period, drawn again", () => {
  it("is named in the reader's language, whoever posted it", () => {
    expect(selectionPeriod(yesterday, context('da-DK'))?.label).toBe('i går (2. nov. 2026)');
    expect(selectionPeriod({ ...yesterday, label: 'i går (2. nov. 2026)' }, context('en-US'))?.label).toBe('yesterday (Nov 2, 2026)');
    expect(selectionPeriod({ ...yesterday, periodName: 'dates' }, context('da-DK'))?.label).toBe('2. nov. 2026');
  });

  it('keeps the words a card stored before its period had a name was posted with', () => {
    expect(selectionPeriod({ ...yesterday, periodName: null }, context('da-DK'))?.label).toBe('yesterday (Nov 2, 2026)');
  });
});
