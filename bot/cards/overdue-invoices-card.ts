import type { Language } from '../commands/command';
import type { CardMoney } from './card-input';
import { type CardContext, type CardLocale, languageOf } from './card-locale';
import { unbilledTabDeepLink } from './deep-link';
import { escapeText } from './escape-markdown';
import { type FittedCard, fitToLimit } from './fit-to-limit';
import { formatMoney, formatNumber, formatTotals } from './format';
import { safeLinkTarget } from './link-target';
import { type ListOptions, listLimits } from './list-options';
import { renderCard } from './render-card';
import type { TemplateData } from './template-data';

export interface OverdueInvoiceRow {
  /** Business Central's posted number. */
  number: string | null;
  customerName: string;
  customerEmail: string;
  amount: CardMoney;
  remaining: CardMoney | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  url: string | null;
}

export interface OverdueInvoicesInput {
  /** The business's local date the list was made on. */
  today: string;
  invoices: OverdueInvoiceRow[];
  /** All overdue invoices, of which `invoices` are the first (oldest due date first). */
  total: number;
  /** What the overdue invoices still owe, per currency. */
  outstanding: CardMoney[];
}

interface OverdueText {
  title: string;
  count: string;
  outstanding: string;
  asOf: string;
  invoices: string;
  due: (date: string) => string;
  noNumber: string;
  more: (n: string) => string;
  openTab: string;
}

/** This card's words; kept beside it rather than in card-text so the card stays one module. */
const OVERDUE_TEXT: Record<Language, OverdueText> = {
  en: {
    title: 'Overdue invoices',
    count: 'Overdue',
    outstanding: 'Still owed',
    asOf: 'As of',
    invoices: 'Invoices past their due date',
    due: (date) => `due ${date}`,
    noNumber: 'Invoice',
    more: (n) => `… and ${n} more`,
    openTab: 'Open in Teams',
  },
  da: {
    title: 'Forfaldne fakturaer',
    count: 'Forfaldne',
    outstanding: 'Udestående',
    asOf: 'Pr.',
    invoices: 'Fakturaer efter forfaldsdato',
    due: (date) => `forfaldt ${date}`,
    noNumber: 'Faktura',
    more: (n) => `… og ${n} mere`,
    openTab: 'Åbn i Teams',
  },
};

/** A calendar date in the card's language ("Nov 3, 2026", "3. nov. 2026"); it is a date, not an instant. */
function formatDate(date: string, locale: CardLocale): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return escapeText(date, 20);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(parsed);
}

function invoiceLabel(row: OverdueInvoiceRow, text: OverdueText): string {
  const label = row.number === null || row.number === '' ? text.noNumber : escapeText(row.number, 40);
  const target = row.url === null ? undefined : safeLinkTarget(row.url);
  return target === undefined ? label : `[${label}](${target})`;
}

export function overdueInvoicesData(input: OverdueInvoicesInput, context: CardContext, rowsShown: number): TemplateData<'overdue-invoices'> {
  const text = OVERDUE_TEXT[languageOf(context.locale)];
  const n = (value: number) => formatNumber(value, context.locale);
  return {
    title: text.title,
    facts: [
      { title: text.count, value: n(input.total) },
      { title: text.outstanding, value: formatTotals(input.outstanding, context.locale) },
      { title: text.asOf, value: formatDate(input.today, context.locale) },
    ],
    invoicesHeading: text.invoices,
    invoices: input.invoices.slice(0, rowsShown).map((row) => ({
      number: invoiceLabel(row, text),
      customer: escapeText(row.customerName || row.customerEmail, 60),
      remaining: formatMoney(row.remaining ?? row.amount, context.locale),
      due: row.dueDate === null ? '' : text.due(formatDate(row.dueDate, context.locale)),
    })),
    invoicesMore: input.total > rowsShown ? text.more(n(input.total - rowsShown)) : '',
    openTitle: text.openTab,
    tabUrl: unbilledTabDeepLink(context.tab, {}, text.openTab),
  };
}

/** The weekly card of overdue invoices: each with its customer, what is still owed and a link into Business Central. */
export function overdueInvoicesCard(input: OverdueInvoicesInput, context: CardContext, options: ListOptions = {}): FittedCard {
  const { maxRows, maxBytes } = listLimits(options, input.invoices.length);
  return fitToLimit((rows) => renderCard('overdue-invoices', overdueInvoicesData(input, context, rows)), maxRows, maxBytes);
}
