import { createRoot } from 'react-dom/client';
import type { Locale } from '../../i18n/locale';
import { tabConfigSdk } from '../../teams/tab-config-sdk';
import { ConfigurePage } from './configure-page';

/** The channel tab's configuration page, with the Teams SDK: the tab itself never shows it. */
export function mountConfigure(root: HTMLElement, origin: string, locale: Locale): void {
  createRoot(root).render(<ConfigurePage sdk={tabConfigSdk} origin={origin} locale={locale} />);
}
