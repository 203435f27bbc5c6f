import type { Language } from './command';
import type { NamedPeriod } from './periods';

export interface PeriodPhrase {
  words: readonly string[];
  name: NamedPeriod;
  language: Language;
}

function phrase(text: string, name: NamedPeriod, language: Language): PeriodPhrase {
  return { words: text.split(' '), name, language };
}

/** Spoken periods in both languages; longer phrases first so "i denne uge" wins over "denne uge". */
export const PERIOD_PHRASES: readonly PeriodPhrase[] = [
  phrase('today', 'today', 'en'),
  phrase('yesterday', 'yesterday', 'en'),
  phrase('this week', 'thisWeek', 'en'),
  phrase('last week', 'lastWeek', 'en'),
  phrase('previous week', 'lastWeek', 'en'),
  phrase('past week', 'lastWeek', 'en'),
  phrase('this month', 'thisMonth', 'en'),
  phrase('last month', 'lastMonth', 'en'),
  phrase('previous month', 'lastMonth', 'en'),
  phrase('past month', 'lastMonth', 'en'),
  phrase('i dag', 'today', 'da'),
  phrase('idag', 'today', 'da'),
  phrase('i går', 'yesterday', 'da'),
  phrase('igår', 'yesterday', 'da'),
  phrase('i gaar', 'yesterday', 'da'),
  phrase('igaar', 'yesterday', 'da'),
  phrase('i denne uge', 'thisWeek', 'da'),
  phrase('denne uge', 'thisWeek', 'da'),
  phrase('i sidste uge', 'lastWeek', 'da'),
  phrase('sidste uge', 'lastWeek', 'da'),
  phrase('forrige uge', 'lastWeek', 'da'),
  phrase('i denne måned', 'thisMonth', 'da'),
  phrase('denne måned', 'thisMonth', 'da'),
  phrase('i sidste måned', 'lastMonth', 'da'),
  phrase('sidste måned', 'lastMonth', 'da'),
  phrase('forrige måned', 'lastMonth', 'da'),
].sort((a, b) => b.words.length - a.words.length);
