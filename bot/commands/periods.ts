import type { Language, Period, PeriodName } from './command';
import { compareLocalDates, formatIsoDate, type LocalDate, parseIsoDate } from '../../service/domain/local-date';
import { localDateAt, localDaysToInstants } from '../../service/domain/local-day';
import { periodLimitProblem } from '../../service/domain/period-limits';
import { namedPeriodDays, type PeriodName as CalendarPeriodName } from '../../service/domain/periods';

export type NamedPeriod = Exclude<PeriodName, 'dates'>;

const PERIOD_NAMES: Record<Language, Record<NamedPeriod, string>> = {
  en: {
    today: 'today',
    yesterday: 'yesterday',
    thisWeek: 'this week',
    lastWeek: 'last week',
    thisMonth: 'this month',
    lastMonth: 'last month',
  },
  da: {
    today: 'i dag',
    yesterday: 'i går',
    thisWeek: 'denne uge',
    lastWeek: 'sidste uge',
    thisMonth: 'denne måned',
    lastMonth: 'sidste måned',
  },
};

const LOCALE: Record<Language, string> = { en: 'en-US', da: 'da-DK' };

function toUtcNoon(date: LocalDate): Date {
  // Noon UTC keeps the formatted date stable whatever zone formats it.
  return new Date(Date.UTC(date.year, date.month - 1, date.day, 12));
}

/** "Oct 19 – 25, 2026" / "19.–25. okt. 2026", or one date when the period is one day. */
export function formatLocalDays(firstDay: LocalDate, lastDay: LocalDate, language: Language): string {
  const f = new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeZone: 'UTC' });
  return compareLocalDates(firstDay, lastDay) === 0 ? f.format(toUtcNoon(firstDay)) : f.formatRange(toUtcNoon(firstDay), toUtcNoon(lastDay));
}

export function periodFromLocalDays(name: PeriodName, firstDay: LocalDate, lastDay: LocalDate, timeZone: string, language: Language): Period {
  if (compareLocalDates(firstDay, lastDay) > 0) throw new RangeError('a period cannot end before it starts');
  const { from, to } = localDaysToInstants(firstDay, lastDay, timeZone);
  const days = formatLocalDays(firstDay, lastDay, language);
  const first = formatIsoDate(firstDay);
  const last = formatIsoDate(lastDay);
  return {
    name,
    from,
    to,
    firstDay: first,
    lastDay: last,
    key: `${first}..${last}`,
    label: name === 'dates' ? days : `${PERIOD_NAMES[language][name]} (${days})`,
  };
}

/** The bot's period names and the calendar's: the rule of each period lives in the calendar alone. */
const CALENDAR_NAME: Record<NamedPeriod, CalendarPeriodName> = {
  today: 'today',
  yesterday: 'yesterday',
  thisWeek: 'this-week',
  lastWeek: 'last-week',
  thisMonth: 'this-month',
  lastMonth: 'last-month',
};

export function resolveNamedPeriod(name: NamedPeriod, now: Date, timeZone: string, language: Language): Period {
  const [first, last] = namedPeriodDays(CALENDAR_NAME[name], localDateAt(now, timeZone));
  return periodFromLocalDays(name, first, last, timeZone, language);
}

const PERIOD_KEY = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** Reads a card's `periodKey` back; undefined for anything malformed or reversed. */
export function periodFromKey(key: string, timeZone: string, language: Language, name: PeriodName = 'dates'): Period | undefined {
  const m = PERIOD_KEY.exec(key);
  const first = m?.[1] !== undefined ? parseIsoDate(m[1]) : undefined;
  const last = m?.[2] !== undefined ? parseIsoDate(m[2]) : undefined;
  if (!first || !last || compareLocalDates(first, last) > 0) return undefined;
  if (periodLimitProblem(formatIsoDate(first), formatIsoDate(last)) !== undefined) return undefined;
  return periodFromLocalDays(name, first, last, timeZone, language);
}
