import type { Clock } from '../domain/clock';
import { resolvePeriod } from '../domain/periods';
import type { Logger } from '../logging/logger';
import type { UnbilledRow } from '../unbilled';
import type { Language } from '../unbilled/reason-text';

/** What the daily summary's preview depends on in the setup form, before it is saved. */
export interface CardPreviewRequest {
  timeZone: string;
  language: Language;
}

/** An expanded Adaptive Card, as the bot posts it. */
export interface CardJson {
  type: 'AdaptiveCard';
  version: string;
  [property: string]: unknown;
}

/** What the daily summary card is drawn from: yesterday's unbilled appointments, their staff by name. */
export interface DailyCardData {
  now: Date;
  timeZone: string;
  language: Language;
  rows: readonly UnbilledRow[];
  /** Staff member id → name; one not known shows as '-', never as its id. */
  staffNames: ReadonlyMap<string, string>;
}

/** Draws the bot's daily summary card. The bot supplies it where the process is composed: service/ knows no cards. */
export type DailyCardRenderer = (data: DailyCardData) => CardJson;

/** A process composed without the bot's cards (the CLI) has no preview to draw. */
export class CardPreviewUnavailableError extends Error {
  override readonly name = 'CardPreviewUnavailableError';
  constructor() {
    super('The card preview is not available in this process');
  }
}

// The bot's card shows a few dozen rows; its counts cover as many as a day holds.
const MAX_ROWS = 5_000;

export interface CardPreviewDeps {
  clock: Clock;
  logger: Logger;
  /** Every unbilled row of the local days `from`..`to`, a page at a time. */
  unbilled(days: { from: string; to: string }): AsyncGenerator<UnbilledRow[]>;
  staffNames(): Promise<ReadonlyMap<string, string>>;
  render: DailyCardRenderer | undefined;
}

/** The card the bot would post tomorrow morning for yesterday, drawn with the form's time zone and the reader's language. */
export function cardPreview(deps: CardPreviewDeps): (request: CardPreviewRequest) => Promise<CardJson> {
  return async ({ timeZone, language }) => {
    const { render } = deps;
    if (render === undefined) throw new CardPreviewUnavailableError();
    const now = deps.clock();
    const day = resolvePeriod('yesterday', now, timeZone);
    const rows: UnbilledRow[] = [];
    for await (const page of deps.unbilled({ from: day.firstDay, to: day.lastDay })) {
      rows.push(...page);
      if (rows.length >= MAX_ROWS) break;
    }
    // As the bot does: without the catalog the card names no staff, and still shows.
    const staffNames = await deps.staffNames().catch((err: unknown) => {
      deps.logger.warn({ err }, 'staff names unavailable; the card preview shows none');
      return new Map<string, string>();
    });
    return render({ now, timeZone, language, rows, staffNames });
  };
}
