import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { fixedClock } from '../../../service/domain/clock';
import { DEFAULT_TEST_NOW } from '../../../service/testing/test-dates';
import { ClockProvider } from '../app/clock-context';
import { ServicesProvider } from '../app/services-context';
import type { Api } from '../http/api';
import { I18nProvider } from '../i18n/i18n-context';
import { pickLocale } from '../i18n/locale';

// Tests wait for what the page shows (findBy*, waitFor); the timeout only guards against a hang, and
// a cold render of Fluent on a loaded machine takes seconds, not the library's default 1 s.
configure({ asyncUtilTimeout: 15_000 });
// And a test of a page makes several such waits: guard the whole test as generously.
jest.setTimeout(60_000);

/** Renders a page inside the providers App gives it, at a fixed instant (default DEFAULT_TEST_NOW). */
export function renderWithApp(ui: ReactElement, options: { api: Api; lang?: string; openLink?: (url: string) => void; now?: Date }) {
  return render(
    <ServicesProvider services={{ api: options.api, openLink: options.openLink ?? (() => undefined) }}>
      <ClockProvider clock={fixedClock(options.now ?? DEFAULT_TEST_NOW)}>
        <I18nProvider locale={pickLocale([options.lang ?? 'en-US'])} timeZone="Europe/Copenhagen">
          <FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>
        </I18nProvider>
      </ClockProvider>
    </ServicesProvider>,
  );
}
