import type { Language } from '../commands/command';
import { invoiceCommand } from '../commands/invoice';
import { statusCommand } from '../commands/status';
import { unbilledCommand } from '../commands/unbilled';
import { type CardLocale, languageOf, type TabLinkOptions } from './card-locale';
import { type AdaptiveCardJson, renderCard } from './render-card';

/** Where the app was just installed: a personal chat is greeted with commands, a shared one with the summary. */
export type GreetingScope = 'personal' | 'groupChat' | 'channel';

/** The manifest's staticTabs entityId of the Setup tab. */
const SETUP_TAB_ENTITY_ID = 'setup';

const TEXT: Record<Language, { title: string; personal: string; shared: string; tryHeading: string; setupButton: string; setupLabel: string }> = {
  en: {
    title: 'Hello from Bookings Invoicing',
    personal:
      'I list completed Microsoft Bookings appointments that are not invoiced yet and create draft sales invoices for them in Business Central. Nothing is invoiced until you click Invoice on a preview.',
    shared:
      "I can post a daily summary here each morning: yesterday's completed appointments, what cannot be invoiced and why, and an Invoice all button. An admin chooses this conversation in Setup.",
    tryHeading: 'Try one of these:',
    setupButton: 'Choose it in Setup',
    setupLabel: 'Setup',
  },
  da: {
    title: 'Hej fra Bookings-fakturering',
    personal:
      'Jeg viser afsluttede Microsoft Bookings-aftaler, der ikke er faktureret endnu, og opretter kladdesalgsfakturaer for dem i Business Central. Intet faktureres, før du klikker Fakturer på en forhåndsvisning.',
    shared:
      'Jeg kan sende en daglig oversigt her hver morgen: gårsdagens afsluttede aftaler, hvad der ikke kan faktureres og hvorfor, og en Fakturer alle-knap. En administrator vælger denne samtale under Opsætning.',
    tryHeading: 'Prøv en af disse:',
    setupButton: 'Vælg den under Opsætning',
    setupLabel: 'Opsætning',
  },
};

/** A Teams deep link to the Setup tab; its web fallback is the tab's own /tab/setup page. */
export function setupTabDeepLink(tab: TabLinkOptions, label: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(tab.appId)) throw new RangeError(`not a Teams app id: ${tab.appId}`);
  const webUrl = new URL('setup', new URL(tab.webUrl));
  const query = new URLSearchParams({ webUrl: webUrl.href, label });
  return `https://teams.microsoft.com/l/entity/${tab.appId}/${SETUP_TAB_ENTITY_ID}?${query.toString()}`;
}

/** The first message after an install: what the app does and what to do next, in the installer's language. */
export function installGreetingCard(scope: GreetingScope, locale: CardLocale, tab: TabLinkOptions): AdaptiveCardJson {
  const language = languageOf(locale);
  const text = TEXT[language];
  const personal = scope === 'personal';
  // The command itself (each description's first phrase), as the manifest and help list it.
  const tryCommands = personal ? [invoiceCommand, unbilledCommand, statusCommand].map((c) => c.help[language][0]!.title) : [];
  return renderCard('install-greeting', {
    title: text.title,
    intro: personal ? text.personal : text.shared,
    tryHeading: text.tryHeading,
    tryCommands: tryCommands.map((command) => ({ title: command, value: command })),
    setupButton: text.setupButton,
    setupUrl: personal ? '' : setupTabDeepLink(tab, text.setupLabel),
  });
}
