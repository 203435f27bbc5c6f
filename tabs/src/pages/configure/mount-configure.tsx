import { createRoot } from 'react-dom/client';
import { tabConfigSdk } from '../../teams/tab-config-sdk';
import type { Locale } from '../../i18n/locale';
import { ConfigurePage } from './configure-page';

/** Teams' channel tab configuration dialog: a page of its own, without the app. */
export function mountConfigure(root: HTMLElement, origin: string, locale: Locale): void {
  createRoot(root).render(<ConfigurePage sdk={tabConfigSdk} origin={origin} locale={locale} />);
}
