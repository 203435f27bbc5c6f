import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ServicesProvider } from '../app/services-context';
import type { Api } from '../http/api';
import { I18nProvider } from '../i18n/i18n-context';
import { pickLocale } from '../i18n/locale';

/** Renders a page inside the providers App gives it. */
export function renderWithApp(ui: ReactElement, options: { api: Api; lang?: string; openLink?: (url: string) => void }) {
  return render(
    <ServicesProvider services={{ api: options.api, openLink: options.openLink ?? (() => undefined) }}>
      <I18nProvider locale={pickLocale([options.lang ?? 'en-US'])} timeZone="Europe/Copenhagen">
        <FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>
      </I18nProvider>
    </ServicesProvider>,
  );
}
