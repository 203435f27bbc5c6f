import type { Command, CommandKind, Language, Period, UnknownReason } from './command';
import type { CommandDescription } from './command-description';
import { looksLikeDate, RANGE_SEPARATORS, readDateWord, splitRangeWord } from './date-words';
import { fillerLanguage, isFiller } from './filler-words';
import { compareLocalDates, formatIsoDate, type LocalDate } from '../../service/domain/local-date';
import { periodLimitProblem } from '../../service/domain/period-limits';
import { cleanMessage, type Token, tokenize } from './message-text';
import { PERIOD_PHRASES } from './period-words';
import { periodFromLocalDays, resolveNamedPeriod } from './periods';
import { commandDescriptions } from './registry';

export interface ParseOptions {
  /** The instant the message arrived. */
  now: Date;
  /** The business's IANA time zone: "yesterday" is yesterday there. */
  timeZone: string;
  /** Names the bot may be addressed by in plain text (besides `<at>` mentions). */
  botNames?: readonly string[];
}

interface Span {
  start: number;
  end: number;
}

interface TriggerMatch extends Span {
  description: CommandDescription;
  language: Language | undefined;
}

type PeriodMatch =
  | (Span & { kind: 'named'; build: (language: Language) => Period; language: Language })
  | (Span & { kind: 'dates'; first: LocalDate; last: LocalDate })
  | (Span & { kind: 'invalid'; problem: UnknownReason });

function matchesAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return words.every((w, i) => tokens[at + i]?.key === w);
}

function findTrigger(tokens: readonly Token[]): TriggerMatch | undefined {
  let best: TriggerMatch | undefined;
  for (const description of commandDescriptions) {
    for (const language of ['en', 'da'] as const) {
      for (const trigger of description.triggers[language]) {
        const words = trigger.split(' ');
        for (let at = 0; at < tokens.length; at += 1) {
          if (!matchesAt(tokens, at, words)) continue;
          const other = language === 'en' ? 'da' : 'en';
          const candidate: TriggerMatch = {
            start: at,
            end: at + words.length,
            description,
            language: description.triggers[other].includes(trigger) ? undefined : language,
          };
          const better = !best || candidate.start < best.start || (candidate.start === best.start && candidate.end > best.end);
          if (better) best = candidate;
          break;
        }
      }
    }
  }
  return best;
}

function readDates(tokens: readonly Token[], at: number): PeriodMatch | undefined {
  const word = tokens[at]?.key;
  if (word === undefined) return undefined;
  const range = splitRangeWord(word);
  if (range && (looksLikeDate(range[0]) || looksLikeDate(range[1]))) return datesMatch(at, at + 1, range[0], range[1]);
  if (!looksLikeDate(word)) return undefined;
  const separator = tokens[at + 1]?.key;
  const second = tokens[at + 2]?.key;
  if (separator !== undefined && second !== undefined && RANGE_SEPARATORS.has(separator) && looksLikeDate(second)) {
    return datesMatch(at, at + 3, word, second);
  }
  return datesMatch(at, at + 1, word, word);
}

function datesMatch(start: number, end: number, firstWord: string, lastWord: string): PeriodMatch {
  const first = readDateWord(firstWord);
  const last = readDateWord(lastWord);
  if (first.kind !== 'date' || last.kind !== 'date') return { kind: 'invalid', problem: 'invalidDate', start, end };
  if (compareLocalDates(first.date, last.date) > 0) return { kind: 'invalid', problem: 'invalidRange', start, end };
  // The one limit every face applies: a year no calendar reaches, or a span longer than a run should cover.
  switch (periodLimitProblem(formatIsoDate(first.date), formatIsoDate(last.date))) {
    case 'out-of-range':
      return { kind: 'invalid', problem: 'periodOutOfRange', start, end };
    case 'too-long':
      return { kind: 'invalid', problem: 'periodTooLong', start, end };
    case undefined:
      break;
  }
  return { kind: 'dates', first: first.date, last: last.date, start, end };
}

function findPeriod(tokens: readonly Token[], options: ParseOptions, exclude: Span | undefined): PeriodMatch | undefined {
  const free = (at: number, length: number) => !exclude || at + length <= exclude.start || at >= exclude.end;
  for (let at = 0; at < tokens.length; at += 1) {
    if (!free(at, 1)) continue;
    const dates = readDates(tokens, at);
    if (dates) return dates;
    const phrase = PERIOD_PHRASES.find((p) => free(at, p.words.length) && matchesAt(tokens, at, p.words));
    if (phrase) {
      return {
        kind: 'named',
        start: at,
        end: at + phrase.words.length,
        language: phrase.language,
        build: (language) => resolveNamedPeriod(phrase.name, options.now, options.timeZone, language),
      };
    }
  }
  return undefined;
}

function customerAfter(tokens: readonly Token[], trigger: Span, period: Span | undefined): string | null {
  const words = tokens.filter((_, i) => i >= trigger.end && (!period || i < period.start || i >= period.end));
  let from = 0;
  let to = words.length;
  while (from < to && isFiller(words[from]?.key ?? '')) from += 1;
  while (to > from && isFiller(words[to - 1]?.key ?? '')) to -= 1;
  const name = words
    .slice(from, to)
    .map((w) => w.text)
    .join(' ');
  return name === '' ? null : name;
}

function chooseLanguage(trigger: TriggerMatch, period: PeriodMatch | undefined, tokens: readonly Token[]): Language {
  if (trigger.language) return trigger.language;
  if (period?.kind === 'named') return period.language;
  return fillerLanguage(tokens.map((t) => t.key)) ?? 'en';
}

/**
 * Reads a chat message as a command. Unknown text, an impossible date ("2026-02-30") or a range
 * that ends before it starts is `unknown`, for which the bot shows help; nothing here invoices.
 */
export function parseCommand(text: string, options: ParseOptions): Command {
  const cleaned = cleanMessage(text, options.botNames ?? []);
  const tokens = tokenize(cleaned);
  const trigger = findTrigger(tokens);
  if (!trigger) {
    const language = fillerLanguage(tokens.map((t) => t.key)) ?? 'en';
    return { kind: 'unknown', text: cleaned, problem: 'noCommand', language };
  }
  const kind: CommandKind = trigger.description.kind;
  const accepts = trigger.description.accepts;
  const periodMatch = accepts.period ? findPeriod(tokens, options, trigger) : undefined;
  const language = chooseLanguage(trigger, periodMatch, tokens);
  if (periodMatch?.kind === 'invalid') return { kind: 'unknown', text: cleaned, problem: periodMatch.problem, language };

  const period =
    periodMatch?.kind === 'named'
      ? periodMatch.build(language)
      : periodMatch?.kind === 'dates'
        ? periodFromLocalDays('dates', periodMatch.first, periodMatch.last, options.timeZone, language)
        : null;
  const customer = accepts.customer ? customerAfter(tokens, trigger, periodMatch) : null;

  switch (kind) {
    case 'invoice':
    case 'unbilled':
      return { kind, period, customer, language };
    case 'summary':
      return { kind, period, language };
    case 'sync':
    case 'status':
    case 'help':
      return { kind, language };
  }
}
