import { type LocalDate, localDate } from '../../service/domain/local-date';

/** Dates as people type them: ISO 2026-11-05, Danish 5-11-2026, 5/11/2026 and 5.11.2026 (day first). */

const ISO_SHAPE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST_SHAPE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

export type DateWord = { kind: 'date'; date: LocalDate } | { kind: 'invalid' } | { kind: 'none' };

export function readDateWord(word: string): DateWord {
  const iso = ISO_SHAPE.exec(word);
  if (iso) return check(localDate(Number(iso[1]), Number(iso[2]), Number(iso[3])));
  const dayFirst = DAY_FIRST_SHAPE.exec(word);
  if (dayFirst) return check(localDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])));
  return { kind: 'none' };
}

function check(date: LocalDate | undefined): DateWord {
  return date ? { kind: 'date', date } : { kind: 'invalid' };
}

/** Words that join two dates into a range: 2026-11-01 .. 2026-11-15, 1/11/2026 til 15/11/2026. */
export const RANGE_SEPARATORS: ReadonlySet<string> = new Set(['..', '...', '-', '–', '—', 'to', 'until', 'through', 'til', 'till']);

/** A range written as one word: 2026-11-01..2026-11-15 or 1/11/2026–15/11/2026. */
export function splitRangeWord(word: string): [string, string] | undefined {
  const m = /^(.+?)(?:\.{2,3}|–|—)(.+)$/u.exec(word);
  return m?.[1] !== undefined && m[2] !== undefined ? [m[1], m[2]] : undefined;
}

/** Looks like an attempt at a date (so an impossible one is reported instead of taken as a name). */
export function looksLikeDate(word: string): boolean {
  return /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(word);
}
