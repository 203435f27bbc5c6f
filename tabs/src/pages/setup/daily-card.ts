import type { UnbilledRow } from '../../../../contract/api-contract';
import { type AdaptiveCardJson, type AppointmentRow, type CardLocale, dailySummaryCard } from '../../../../bot/cards';
import { addDays, formatDay, localDay } from '../../i18n/format';
import type { Messages } from '../../i18n/messages-en';

export interface DailyCardContext {
  language: 'en' | 'da';
  timeZone: string;
  appId: string | null;
  webUrl: string;
  now: Date;
  /** Staff member id → name (the Bookings catalog); one not known shows as '-', as the bot's card does, never as its id. */
  staffNames: ReadonlyMap<string, string>;
}

/** Yesterday in the summary's time zone, as the bot will cover it. */
export function yesterday(now: Date, timeZone: string): string {
  return addDays(localDay(now, timeZone), -1);
}

function toCardRow(row: UnbilledRow, t: Messages, staffNames: ReadonlyMap<string, string>): AppointmentRow {
  const staff = row.staffMemberIds.flatMap((id) => (staffNames.has(id) ? [staffNames.get(id)!] : []));
  return {
    id: row.id,
    start: new Date(row.start),
    durationMinutes: row.durationMinutes,
    customerName: row.customers.map((c) => c.name || c.email).join(', '),
    serviceName: row.serviceName,
    staffName: staff.length > 0 ? staff.join(', ') : '-',
    price: row.amount,
    reason: row.reason ? t.reasons[row.reason] : null,
  };
}

// The manifest's app id when Teams tells us; the card's deep link needs one of that shape.
const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

/** The daily summary card built by the bot's own builder, for yesterday's unbilled appointments. */
export function buildDailyCard(rows: readonly UnbilledRow[], t: Messages, ctx: DailyCardContext): AdaptiveCardJson {
  const day = yesterday(ctx.now, ctx.timeZone);
  const locale: CardLocale = ctx.language === 'da' ? 'da-DK' : 'en-US';
  const { card } = dailySummaryCard(
    {
      period: { firstDay: day, lastDay: day, key: `${day}..${day}`, label: formatDay(day, locale) },
      appointments: rows.map((r) => toCardRow(r, t, ctx.staffNames)),
    },
    { locale, timeZone: ctx.timeZone, tab: { appId: ctx.appId ?? PLACEHOLDER_APP_ID, webUrl: ctx.webUrl } },
  );
  return card;
}
