import { Caption1, FluentProvider, makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { type ReactNode, useEffect, useState } from 'react';
import type { Host, ThemeName } from '../teams/host';
import { useI18n } from '../i18n/i18n-context';
import { fluentTheme } from './theme';
import { NARROW_MEDIA, useNarrow } from './use-media-query';
import type { PageName } from './route';

export type { PageName };

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  // On a phone or in a side panel the tabs and the name share the bar by wrapping, never by running off it.
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    [`@media ${NARROW_MEDIA}`]: { padding: `0 ${tokens.spacingHorizontalS}` },
  },
  // Fluent's tab list neither shrinks nor wraps by default.
  tabs: { flexWrap: 'wrap', flexShrink: 1, minWidth: 0 },
  user: { minWidth: 0, overflowWrap: 'anywhere', paddingBlock: tokens.spacingVerticalXS },
  main: { padding: tokens.spacingHorizontalL, flexGrow: 1, minWidth: 0, [`@media ${NARROW_MEDIA}`]: { padding: tokens.spacingHorizontalM } },
});

export interface AppShellProps {
  host: Pick<Host, 'theme' | 'onThemeChange'>;
  page: PageName;
  onNavigate: (page: PageName) => void;
  userName: string | null;
  children: ReactNode;
}

/** Fluent theme that follows Teams (live), the page navigation, and the page. */
export function AppShell(props: AppShellProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [theme, setTheme] = useState<ThemeName>(props.host.theme);
  const narrow = useNarrow();
  useEffect(() => props.host.onThemeChange(setTheme), [props.host]);
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={locale.tag}>
      <div className={styles.root}>
        <header className={styles.header}>
          <TabList
            className={styles.tabs}
            size={narrow ? 'small' : 'medium'}
            selectedValue={props.page}
            onTabSelect={(_, data) => props.onNavigate(data.value as PageName)}
            aria-label={t.navLabel}
          >
            <Tab value="unbilled">{t.navUnbilled}</Tab>
            <Tab value="setup">{t.navSetup}</Tab>
            <Tab value="history">{t.navHistory}</Tab>
          </TabList>
          {props.userName && <Caption1 className={styles.user}>{t.signedInAs(props.userName)}</Caption1>}
        </header>
        <main className={styles.main}>{props.children}</main>
      </div>
    </FluentProvider>
  );
}
