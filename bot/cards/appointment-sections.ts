import type { AppointmentRow, CardMoney, CardPeriod } from './card-input';
import { type CardContext, languageOf } from './card-locale';
import { CARD_TEXT, type CardText } from './card-text';
import { unbilledTabDeepLink } from './deep-link';
import { escapeText } from './escape-markdown';
import { formatDateTime, formatMoney, formatNumber, formatTotals, sumByCurrency } from './format';
import type { AppointmentSectionsData } from './template-data';
import { compareDanish } from '../../service/domain/collation';

/** Services and staff are few; past this many the smallest are summed into one line. */
const MAX_TOTAL_LINES = 12;

export interface AppointmentListInput {
  period: CardPeriod | null;
  customer: string | null;
  appointments: readonly AppointmentRow[];
}

interface Fact {
  title: string;
  value: string;
}

function isReady(row: AppointmentRow): row is AppointmentRow & { price: CardMoney } {
  return row.reason === null && row.price !== null;
}

function countAndTotal(rows: readonly AppointmentRow[], context: CardContext, text: CardText): string {
  const total = sumByCurrency(rows.flatMap((r) => (r.price ? [r.price] : [])));
  return text.countAndTotal(formatNumber(rows.length, context.locale), formatTotals(total, context.locale));
}

function totalsBy(rows: readonly AppointmentRow[], key: (row: AppointmentRow) => string, context: CardContext, text: CardText): Fact[] {
  const groups = new Map<string, AppointmentRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  const sorted = [...groups].sort(([a, ra], [b, rb]) => rb.length - ra.length || compareDanish(a, b));
  const shown = sorted.length > MAX_TOTAL_LINES ? sorted.slice(0, MAX_TOTAL_LINES - 1) : sorted;
  const facts = shown.map(([name, group]) => ({ title: escapeText(name, 60), value: countAndTotal(group, context, text) }));
  const rest = sorted.slice(shown.length);
  if (rest.length > 0) {
    facts.push({
      title: text.more(formatNumber(rest.length, context.locale)),
      value: countAndTotal(
        rest.flatMap(([, group]) => group),
        context,
        text,
      ),
    });
  }
  return facts;
}

function when(row: AppointmentRow, context: CardContext, text: CardText): string {
  return `${formatDateTime(row.start, context.locale, context.timeZone)} (${text.minutes(formatNumber(row.durationMinutes, context.locale))})`;
}

function moreText(total: number, shown: number, context: CardContext, text: CardText): string {
  return total > shown ? text.more(formatNumber(total - shown, context.locale)) : '';
}

export interface AppointmentSections {
  data: AppointmentSectionsData;
  /** The rows behind `data.problems` and `data.appointments`, line for line. */
  problemRows: AppointmentRow[];
  readyRows: AppointmentRow[];
  readyCount: number;
  /** The longer of the two row lists: the most rows `rowsShown` can usefully be. */
  rowCount: number;
}

/**
 * Facts, totals and the two lists (ready to invoice, cannot be invoiced with reasons) that the
 * daily summary, the invoice preview and the unbilled list share. Each list shows its first
 * `rowsShown` rows by start time and summarises the rest.
 */
export function appointmentSections(input: AppointmentListInput, title: string, context: CardContext, rowsShown: number): AppointmentSections {
  const text = CARD_TEXT[languageOf(context.locale)];
  const rows = [...input.appointments].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
  const ready = rows.filter(isReady);
  const problems = rows.filter((r) => !isReady(r));
  const facts: Fact[] = [];
  if (input.period) facts.push({ title: text.period, value: escapeText(input.period.label, 120) });
  facts.push(
    { title: text.completed, value: formatNumber(rows.length, context.locale) },
    { title: text.total, value: formatTotals(sumByCurrency(rows.flatMap((r) => (r.price ? [r.price] : []))), context.locale) },
    { title: text.ready, value: countAndTotal(ready, context, text) },
    { title: text.cannotInvoice, value: formatNumber(problems.length, context.locale) },
  );
  const data: AppointmentSectionsData = {
    title: escapeText(title, 200),
    facts,
    emptyText: rows.length === 0 ? text.empty : '',
    byServiceHeading: text.byService,
    byService: totalsBy(rows, (r) => r.serviceName, context, text),
    byStaffHeading: text.byStaff,
    byStaff: totalsBy(rows, (r) => r.staffName, context, text),
    problemsHeading: text.cannotInvoice,
    problems: problems.slice(0, rowsShown).map((r) => ({
      when: when(r, context, text),
      customer: escapeText(r.customerName),
      service: escapeText(r.serviceName, 60),
      reason: escapeText(r.reason ?? text.noPrice, 200),
    })),
    problemsMore: moreText(problems.length, Math.min(rowsShown, problems.length), context, text),
    appointmentsHeading: text.ready,
    appointments: ready.slice(0, rowsShown).map((r) => ({
      when: when(r, context, text),
      customer: escapeText(r.note ? `${r.customerName} (${r.note})` : r.customerName, 200),
      service: escapeText(r.serviceName, 60),
      staff: escapeText(r.staffName, 60),
      price: formatMoney(r.price, context.locale),
    })),
    appointmentsMore: moreText(ready.length, Math.min(rowsShown, ready.length), context, text),
    openTitle: text.openTab,
    tabUrl: unbilledTabDeepLink(
      context.tab,
      {
        ...(input.period ? { firstDay: input.period.firstDay, lastDay: input.period.lastDay } : {}),
        ...(input.customer !== null ? { customer: input.customer } : {}),
      },
      text.openTab,
    ),
  };
  return {
    data,
    problemRows: problems.slice(0, rowsShown),
    readyRows: ready.slice(0, rowsShown),
    readyCount: ready.length,
    rowCount: Math.max(ready.length, problems.length),
  };
}
