export type Language = 'en' | 'da';

export interface Locale {
  language: Language;
  /** The BCP 47 tag Intl formats with ("da-DK", "en-GB"). */
  tag: string;
}

const DEFAULTS: Record<Language, string> = { en: 'en-US', da: 'da-DK' };

function languageOf(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'da') return 'da';
  if (primary === 'en') return 'en';
  return null;
}

function canonicalTag(tag: string, language: Language): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.replace('_', '-'));
    return canonical ?? DEFAULTS[language];
  } catch {
    return DEFAULTS[language];
  }
}

/**
 * The first supported candidate wins: an explicit `?lang=`, then Teams' locale, then the
 * browser's languages; English otherwise. Norwegian and Swedish readers get English, not Danish.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const language = languageOf(candidate);
    if (language) return { language, tag: candidate.includes('-') || candidate.includes('_') ? canonicalTag(candidate, language) : DEFAULTS[language] };
  }
  return { language: 'en', tag: DEFAULTS.en };
}
