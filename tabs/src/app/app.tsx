import { Fragment, lazy, Suspense, useEffect, useState } from 'react';
import type { Api } from '../http/api';
import { I18nProvider } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { filterFromLink, sortFromLink } from '../pages/unbilled/filter-state';
import { UnbilledPage } from '../pages/unbilled/unbilled-page';
import type { Host } from '../teams/host';
import { AppShell, type PageName } from './app-shell';
import { ServicesProvider } from './services-context';
import { LoadingState } from '../components/loading-state';
import { SignInNotice, useSignInRecoveries } from '../components/sign-in-notice/sign-in-notice';

// The card preview pulls in the Adaptive Cards renderer and templating: load them only for Setup.
const SetupPage = lazy(() => import('../pages/setup/setup-page').then((m) => ({ default: m.SetupPage })));
// Unbilled is the page most opened: History's tables, and the checklist a live tenant sees until it is
// set up, load when first shown instead of being compiled before Unbilled's first row.
const HistoryPage = lazy(() => import('../pages/history/history-page').then((m) => ({ default: m.HistoryPage })));
const SetupChecklist = lazy(() => import('../components/setup-checklist/setup-checklist').then((m) => ({ default: m.SetupChecklist })));

export interface AppProps {
  api: Api;
  host: Host;
  locale: Locale;
  initialPage: PageName;
  /** The deep link's filter: Teams' sub-page id, or this page's own query string. */
  link: string | null;
  onNavigate?: (page: PageName) => void;
  /** Unbilled's query string (filter dates, customer, sort) whenever it changes. */
  onUnbilledLinkChange?: (query: string) => void;
}

export function App(props: AppProps) {
  const [page, setPage] = useState<PageName>(props.initialPage);
  const [userName, setUserName] = useState<string | null>(null);
  // The first-run checklist is for a real tenant; the sandbox comes set up with its demo business.
  const [live, setLive] = useState(false);
  // Appointment times are shown in the business's zone, which the daily summary's setup names.
  // Until it is known nothing with a time is shown, so no time first appears in the browser's
  // zone and then jumps (and an action named by its time names the time the person saw).
  const [timeZone, setTimeZone] = useState<string | null>(null);
  // Once a consent problem clears, everything that failed for want of a token loads again.
  const signInRecoveries = useSignInRecoveries(props.host.signIn);

  useEffect(() => {
    props.api.me().then(
      (me) => {
        setUserName(me.name);
        setLive(me.mode === 'live');
      },
      () => setUserName(null),
    );
    props.api.setup().then(
      (s) => setTimeZone(s.setup.dailySummary.timeZone),
      // The page's own request reports what failed; its times fall back to the browser's zone.
      () => setTimeZone((known) => known ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
    );
  }, [props.api, signInRecoveries]);

  const navigate = (next: PageName) => {
    setPage(next);
    props.onNavigate?.(next);
  };

  return (
    <ServicesProvider services={{ api: props.api, openLink: props.host.openLink }}>
      <I18nProvider locale={props.locale} timeZone={timeZone ?? 'UTC'}>
        <AppShell host={props.host} page={page} onNavigate={navigate} userName={userName}>
          <SignInNotice session={props.host.signIn} />
          {/* Unbilled, the page most opened, mounts at once: its list, catalog and sync status are
              asked for beside the setup, not after it; it shows no row before the zone is known. */}
          {timeZone === null && page !== 'unbilled' ? (
            <LoadingState />
          ) : (
            <Fragment key={signInRecoveries}>
              {page === 'unbilled' && live && timeZone !== null && (
                <Suspense fallback={null}>
                  <SetupChecklist onOpenSetup={() => navigate('setup')} />
                </Suspense>
              )}
              {page === 'unbilled' && (
                <UnbilledPage
                  initialFilter={filterFromLink(props.link)}
                  initialSort={sortFromLink(props.link)}
                  onLinkChange={props.onUnbilledLinkChange}
                  onOpenSetup={() => navigate('setup')}
                  timeZoneKnown={timeZone !== null}
                />
              )}
              {page === 'setup' && (
                <Suspense fallback={<LoadingState />}>
                  <SetupPage />
                </Suspense>
              )}
              {page === 'history' && (
                <Suspense fallback={<LoadingState />}>
                  <HistoryPage />
                </Suspense>
              )}
            </Fragment>
          )}
        </AppShell>
      </I18nProvider>
    </ServicesProvider>
  );
}
