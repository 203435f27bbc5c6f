import { localDateTime } from '../domain/local-day';
import type { FeeKind } from '../domain/fees';

/** Business Central line descriptions are Text[100]. */
export const DESCRIPTION_MAX_LENGTH = 100;

/** A service name is cut down to this length before the date and staff are given up. */
const MIN_SERVICE_NAME_LENGTH = 30;

const SEPARATOR = ' · ';
const ELLIPSIS = '…';

export type DescriptionLocale = 'da-DK' | 'en-GB';

export interface LineDescriptionInput {
  serviceName: string;
  start: Date;
  /** IANA name of the business time zone. */
  timeZone: string;
  staffNames: readonly string[];
  /** Given when the quantity does not show the time (a line sent as 1 × amount). */
  durationMinutes?: number;
  locale?: DescriptionLocale;
  /** The line bills a no-show or a late cancellation, not the service: the description says so first. */
  feeKind?: FeeKind;
}

const FEE_WORDS: Record<DescriptionLocale, Record<FeeKind, string>> = {
  'da-DK': { 'no-show': 'Udeblivelse', 'late-cancellation': 'Sent afbud' },
  'en-GB': { 'no-show': 'No-show', 'late-cancellation': 'Late cancellation' },
};

function formatStart(start: Date, timeZone: string, locale: DescriptionLocale): string {
  const t = localDateTime(start, timeZone);
  const date = locale === 'da-DK' ? `${t.day}-${t.month}-${t.year}` : `${t.day}/${t.month}/${t.year}`;
  return `${date} ${t.hour}:${t.minute}`;
}

function formatDuration(minutes: number, locale: DescriptionLocale): string {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const hourUnit = locale === 'da-DK' ? 't' : 'h';
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} ${hourUnit}` : `${hours} ${hourUnit} ${rest} min`;
}

/** Bookings text may hold line breaks and runs of spaces; a one-line description should not. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

/** At most `max` UTF-16 units without splitting a character (grapheme), marked with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (kept.length + segment.length > max - ELLIPSIS.length) break;
    kept += segment;
  }
  return kept.trimEnd() + ELLIPSIS;
}

/**
 * "Fysioterapi, behandling · 24-11-2026 09:00 · Mette Holm" ("Udeblivelse: Fysioterapi, … " for a
 * no-show's fee), at most 100 characters.
 */
export function describeLine(input: LineDescriptionInput): string {
  const locale = input.locale ?? 'da-DK';
  const staff = input.staffNames
    .map(oneLine)
    .filter((name) => name !== '')
    .join(', ');
  const details = [
    formatStart(input.start, input.timeZone, locale),
    ...(input.durationMinutes === undefined ? [] : [formatDuration(input.durationMinutes, locale)]),
    ...(staff === '' ? [] : [staff]),
  ].join(SEPARATOR);
  const room = DESCRIPTION_MAX_LENGTH - SEPARATOR.length - details.length;
  const name = oneLine(input.serviceName);
  const what = input.feeKind === undefined ? name : `${FEE_WORDS[locale][input.feeKind]}: ${name}`;
  const service = truncateText(what, Math.max(room, MIN_SERVICE_NAME_LENGTH));
  const text = service === '' ? details : service + SEPARATOR + details;
  return truncateText(text, DESCRIPTION_MAX_LENGTH);
}
