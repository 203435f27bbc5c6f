/** What a chat message asks the bot to do, after mentions, filler words and case are set aside. */

export type Language = 'en' | 'da';

export type PeriodName = 'today' | 'yesterday' | 'thisWeek' | 'lastWeek' | 'thisMonth' | 'lastMonth' | 'dates';

/**
 * Local business days [firstDay, lastDay] (inclusive, YYYY-MM-DD) and the same span as a half-open
 * UTC interval [from, to). `key` ("2026-11-01..2026-11-15") is what a card may carry back to us.
 */
export interface Period {
  name: PeriodName;
  from: Date;
  to: Date;
  firstDay: string;
  lastDay: string;
  key: string;
  label: string;
}

export type Command =
  | { kind: 'invoice'; period: Period | null; customer: string | null; language: Language }
  | { kind: 'unbilled'; period: Period | null; customer: string | null; language: Language }
  | { kind: 'summary'; period: Period | null; language: Language }
  | { kind: 'sync'; language: Language }
  | { kind: 'status'; language: Language }
  | { kind: 'help'; language: Language }
  | { kind: 'unknown'; text: string; problem: UnknownReason; language: Language };

/** Why a message was not understood, so the help card can say what to fix. */
export type UnknownReason = 'noCommand' | 'invalidDate' | 'invalidRange' | 'periodOutOfRange' | 'periodTooLong';

export type CommandKind = Exclude<Command['kind'], 'unknown'>;
