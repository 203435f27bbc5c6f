import { silentLogger } from '../logging/logger';
import { cardPreview, CardPreviewUnavailableError, type CardPreviewDeps, type DailyCardData } from './card-preview';
import type { UnbilledRow } from '../unbilled';

const NOW = new Date('2026-11-25T00:30:00Z');
// Only passed through: the renderer reads it, the use case does not.
const ROW = { id: 'a1', staffMemberIds: ['staff-1'] } as UnbilledRow;

function deps(overrides: Partial<CardPreviewDeps> = {}): CardPreviewDeps & { asked: { from: string; to: string }[]; drawn: DailyCardData[] } {
  const asked: { from: string; to: string }[] = [];
  const drawn: DailyCardData[] = [];
  return {
    asked,
    drawn,
    clock: () => NOW,
    logger: silentLogger,
    unbilled: async function* (days) {
      asked.push(days);
      yield [ROW];
    },
    staffNames: async () => new Map([['staff-1', 'Mette Hansen']]),
    render: (data) => {
      drawn.push(data);
      return { type: 'AdaptiveCard', version: '1.5', body: [] };
    },
    ...overrides,
  };
}

describe('the card preview use case', () => {
  it("asks for yesterday in the form's time zone, not the server's: 00:30 UTC is already the 25th in Copenhagen, still the 24th in New York", async () => {
    const copenhagen = deps();
    await cardPreview(copenhagen)({ timeZone: 'Europe/Copenhagen', language: 'da' });
    expect(copenhagen.asked).toEqual([{ from: '2026-11-24', to: '2026-11-24' }]);
    const newYork = deps();
    await cardPreview(newYork)({ timeZone: 'America/New_York', language: 'en' });
    expect(newYork.asked).toEqual([{ from: '2026-11-23', to: '2026-11-23' }]);
    expect(newYork.drawn).toEqual([
      { now: NOW, timeZone: 'America/New_York', language: 'en', rows: [ROW], staffNames: new Map([['staff-1', 'Mette Hansen']]) },
    ]);
  });

  it('still draws the card when the catalog cannot be read, naming no staff', async () => {
    const d = deps({ staffNames: () => Promise.reject(new Error('Graph is down')) });
    await cardPreview(d)({ timeZone: 'Europe/Copenhagen', language: 'en' });
    expect(d.drawn[0]?.staffNames.size).toBe(0);
  });

  it('says it is unavailable in a process composed without the bot’s cards', async () => {
    await expect(cardPreview(deps({ render: undefined }))({ timeZone: 'Europe/Copenhagen', language: 'en' })).rejects.toBeInstanceOf(
      CardPreviewUnavailableError,
    );
  });
});
