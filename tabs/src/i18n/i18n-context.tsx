import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { da } from './messages-da';
import { en, type Messages } from './messages-en';
import type { Locale } from './locale';

export interface I18n {
  locale: Locale;
  t: Messages;
  /** The business's IANA time zone: appointment times are shown there. */
  timeZone: string;
}

export const CATALOGS: Record<Locale['language'], Messages> = { en, da };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { locale: Locale; timeZone: string; children: ReactNode }) {
  const { locale, timeZone } = props;
  const value = useMemo(() => ({ locale, timeZone, t: CATALOGS[locale.language] }), [locale, timeZone]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
