import type { DailyCardRenderer } from '../../service/app/card-preview';
import { cardRowOf } from '../actions/appointment-rows';
import { dailySummaryCard, localeOf, type TabLinkOptions } from '../cards';
import { resolveNamedPeriod } from '../commands';

/**
 * The daily summary card as `postDailySummaries` draws it (yesterday's period, its rows, the
 * process's deep links), for the Setup page's preview: the façade's `cardPreview` renders with it.
 */
export function dailyCardRenderer(tab: TabLinkOptions): DailyCardRenderer {
  return ({ now, timeZone, language, rows, staffNames }) => {
    const period = resolveNamedPeriod('yesterday', now, timeZone, language);
    const appointments = rows.map((row) => cardRowOf(row, language, staffNames));
    return dailySummaryCard({ period, appointments }, { locale: localeOf(language), timeZone, tab }).card;
  };
}
