import type { Language } from '../commands/command';

/** The locales cards are written in; numbers, money and dates follow the same locale. */
export type CardLocale = 'en-US' | 'da-DK';

export function languageOf(locale: CardLocale): Language {
  return locale === 'da-DK' ? 'da' : 'en';
}

export function localeOf(language: Language): CardLocale {
  return language === 'da' ? 'da-DK' : 'en-US';
}

/** What every card builder needs to know about its reader. */
export interface CardContext {
  locale: CardLocale;
  /** The business's IANA time zone: appointment times are shown there. */
  timeZone: string;
  /** Where "Open Unbilled Bookings" leads. */
  tab: TabLinkOptions;
}

export interface TabLinkOptions {
  /** The Teams app id (the manifest's `id`). */
  appId: string;
  /** The tab's own page, used by clients that cannot open the tab inside Teams. */
  webUrl: string;
}
