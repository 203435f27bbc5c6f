/**
 * Why a sync failed, as a kind: what people see (tab, bot, CLI) is the words of the kind, in
 * English and Danish, here and nowhere else; the request, its URL and any stack stay in the log.
 * Beside run-error-words (the same rule for invoice runs); no server-only imports, the tab uses it.
 */
export const SYNC_ERROR_KINDS = [
  'graph-unreachable',
  'graph-unauthorised',
  'graph-throttled',
  'bookings-business-missing',
  'bc-unreachable',
  'bc-unauthorised',
  'bc-company-missing',
  'setup-incomplete',
  'unknown',
] as const;
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number];

export type Language = 'en' | 'da';

const NOTHING_LOST = {
  en: 'Nothing was invoiced and nothing already read was lost.',
  da: 'Intet blev faktureret, og intet, der allerede var hentet, gik tabt.',
};

export const SYNC_ERROR_WORDS: Record<SyncErrorKind, Record<Language, string>> = {
  'graph-unreachable': {
    en: `The sync could not reach Microsoft Bookings. ${NOTHING_LOST.en} Check the connection and use Sync now; if it keeps failing, ask an admin.`,
    da: `Synkroniseringen kunne ikke nå Microsoft Bookings. ${NOTHING_LOST.da} Tjek forbindelsen, og brug Synkroniser nu; spørg en administrator, hvis det bliver ved.`,
  },
  'graph-unauthorised': {
    en: `The app is not allowed to read Microsoft Bookings. ${NOTHING_LOST.en} Ask an admin to check the app's permissions (Bookings read access, admin consent).`,
    da: `Appen har ikke adgang til at læse Microsoft Bookings. ${NOTHING_LOST.da} Bed en administrator tjekke appens tilladelser (læseadgang til Bookings, administratorsamtykke).`,
  },
  'graph-throttled': {
    en: `Microsoft Bookings asked the app to slow down. ${NOTHING_LOST.en} The next sync continues where this one stopped; wait a few minutes, then use Sync now.`,
    da: `Microsoft Bookings bad appen om at sætte tempoet ned. ${NOTHING_LOST.da} Næste synkronisering fortsætter, hvor denne stoppede; vent et par minutter, og brug så Synkroniser nu.`,
  },
  'bookings-business-missing': {
    en: `The Bookings business in the setup was not found or has no currency. ${NOTHING_LOST.en} Ask an admin to pick the business again under Setup.`,
    da: `Bookings-virksomheden i opsætningen blev ikke fundet eller har ingen valuta. ${NOTHING_LOST.da} Bed en administrator vælge virksomheden igen under Opsætning.`,
  },
  'bc-unreachable': {
    en: `The sync could not reach Business Central. ${NOTHING_LOST.en} Check the connection and use Sync now; if it keeps failing, ask an admin.`,
    da: `Synkroniseringen kunne ikke nå Business Central. ${NOTHING_LOST.da} Tjek forbindelsen, og brug Synkroniser nu; spørg en administrator, hvis det bliver ved.`,
  },
  'bc-unauthorised': {
    en: `The app is not allowed into Business Central. ${NOTHING_LOST.en} Ask an admin to check the app's permissions in Business Central (its Microsoft Entra application and permission sets).`,
    da: `Appen har ikke adgang til Business Central. ${NOTHING_LOST.da} Bed en administrator tjekke appens tilladelser i Business Central (dens Microsoft Entra-program og tilladelsessæt).`,
  },
  'bc-company-missing': {
    en: `The Business Central company in the setup no longer exists. ${NOTHING_LOST.en} Ask an admin to pick another company under Setup.`,
    da: `Business Central-firmaet i opsætningen findes ikke længere. ${NOTHING_LOST.da} Bed en administrator vælge et andet firma under Opsætning.`,
  },
  'setup-incomplete': {
    en: `The setup does not say which Business Central company to use, so the sync could not start. Ask an admin to pick the company under Setup, then use Sync now.`,
    da: `Opsætningen siger ikke, hvilket Business Central-firma der skal bruges, så synkroniseringen kunne ikke starte. Bed en administrator vælge firmaet under Opsætning, og brug så Synkroniser nu.`,
  },
  unknown: {
    en: `The sync stopped on an unexpected error. ${NOTHING_LOST.en} Use Sync now; if it keeps failing, ask an admin (the details are in the app's log).`,
    da: `Synkroniseringen stoppede på en uventet fejl. ${NOTHING_LOST.da} Brug Synkroniser nu; spørg en administrator, hvis det bliver ved (detaljerne står i appens log).`,
  },
};

export function isSyncErrorKind(text: string | null | undefined): text is SyncErrorKind {
  return typeof text === 'string' && (SYNC_ERROR_KINDS as readonly string[]).includes(text);
}

/** The words for a stored sync error: a kind, or text stored before kinds existed (shown as 'unknown', never raw). */
export function syncErrorWords(stored: string | null | undefined, language: Language = 'en'): string | null {
  if (stored === null || stored === undefined) return null;
  return SYNC_ERROR_WORDS[isSyncErrorKind(stored) ? stored : 'unknown'][language];
}
