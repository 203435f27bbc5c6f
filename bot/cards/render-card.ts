import type * as Templating from 'adaptivecards-templating';
import dailySummary from '../adaptiveCards/daily-summary.json';
import help from '../adaptiveCards/help.json';
import installGreeting from '../adaptiveCards/install-greeting.json';
import invoicePreview from '../adaptiveCards/invoice-preview.json';
import overdueInvoices from '../adaptiveCards/overdue-invoices.json';
import refusal from '../adaptiveCards/refusal.json';
import runProgress from '../adaptiveCards/run-progress.json';
import runResult from '../adaptiveCards/run-result.json';
import status from '../adaptiveCards/status.json';
import unbilledList from '../adaptiveCards/unbilled-list.json';
import { type TemplateData, templateDataSchemas, type TemplateName } from './template-data';

/** An expanded Adaptive Card, ready to be the `content` of an attachment or an invoke response. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  [property: string]: unknown;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const templatePayloads: Record<TemplateName, unknown> = {
  'daily-summary': dailySummary,
  'invoice-preview': invoicePreview,
  'unbilled-list': unbilledList,
  'run-progress': runProgress,
  'run-result': runResult,
  help,
  status,
  refusal,
  'install-greeting': installGreeting,
  'overdue-invoices': overdueInvoices,
};

const templates = new Map<TemplateName, Templating.Template>();

function templateFor(name: TemplateName): Templating.Template {
  let t = templates.get(name);
  if (!t) {
    // Required at the first card rather than imported: adaptivecards-templating brings adaptive-expressions
    // and its antlr parser, ~7 MB of heap for the process's life, and most processes never render a card.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Template } = require('adaptivecards-templating') as typeof Templating;
    t = new Template(templatePayloads[name]);
    templates.set(name, t);
  }
  return t;
}

/** `$when: false` on a property (such as `refresh`) leaves null behind; clients expect it absent. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

export class CardTemplateError extends Error {
  override readonly name = 'CardTemplateError';
}

/** Checks the data against the template's schema, then expands the template with it. */
export function renderCard<N extends TemplateName>(name: N, data: TemplateData<N>): AdaptiveCardJson {
  const parsed = templateDataSchemas[name].safeParse(data);
  if (!parsed.success) throw new CardTemplateError(`data for ${name} card: ${parsed.error.message}`);
  const expanded = withoutNulls(templateFor(name).expand({ $root: parsed.data }));
  if (typeof expanded !== 'object' || expanded === null || (expanded as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new CardTemplateError(`${name} template did not expand to an Adaptive Card`);
  }
  return expanded as AdaptiveCardJson;
}

/** The serialised size Teams counts against its message limit. */
export function cardBytes(card: AdaptiveCardJson): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}
