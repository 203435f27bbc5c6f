import { Body1, FluentProvider, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { fluentTheme } from '../../app/theme';
import { pickLocale, type Locale } from '../../i18n/locale';
import { themeFromTeams, type ThemeName } from '../../teams/host';
import type { TabConfigSdk } from '../../teams/tab-config-sdk';
import { channelTabConfig } from './channel-tab';

const TEXT = {
  en: {
    title: 'Unbilled Bookings in this channel',
    body: "The tab shows the business's completed Bookings appointments that are not invoiced yet. Everyone in the channel sees the list; creating invoices needs the invoicer role. Select Save to add it.",
    name: 'Unbilled Bookings',
    failed: 'Teams did not answer; close this dialog and add the tab again.',
  },
  da: {
    title: 'Ikke fakturerede bookinger i denne kanal',
    body: 'Fanen viser virksomhedens afsluttede Bookings-aftaler, der ikke er faktureret endnu. Alle i kanalen ser listen; at oprette fakturaer kræver rollen fakturerer. Vælg Gem for at tilføje den.',
    name: 'Ikke fakturerede bookinger',
    failed: 'Teams svarede ikke; luk dialogen, og tilføj fanen igen.',
  },
};

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalM } });

/**
 * The configurable tab's configuration page: says what the tab shows and lets Teams save it. Until
 * Teams answers it speaks the browser's language (`locale`); then Teams' language and theme.
 */
export function ConfigurePage(props: { sdk: TabConfigSdk; origin: string; locale: Locale }) {
  const styles = useStyles();
  const [teams, setTeams] = useState<{ locale: Locale; theme: ThemeName } | null>(null);
  const locale = teams?.locale ?? props.locale;
  const text = TEXT[locale.language];
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    props.sdk.initialize().then(
      (context) => {
        const language = pickLocale([context.locale, props.locale.tag]);
        setTeams({ locale: language, theme: themeFromTeams(context.theme) });
        // The tab's name in the language the dialog ends up in.
        props.sdk.onSave(() => channelTabConfig(props.origin, TEXT[language.language].name));
        props.sdk.setValid(true);
      },
      () => setFailed(true),
    );
  }, [props.sdk, props.origin, props.locale.tag]);
  return (
    <FluentProvider theme={fluentTheme(teams?.theme ?? 'light')} lang={locale.tag}>
      <main className={styles.root}>
        <Subtitle1 as="h1">{text.title}</Subtitle1>
        <Body1>{failed ? text.failed : text.body}</Body1>
      </main>
    </FluentProvider>
  );
}
