import type { Language } from './command';

/**
 * Words people add around a command ("please invoice yesterday for me", "kan du fakturere i går,
 * tak"). They are trimmed from the edges of what would otherwise be read as a customer name.
 */
export const FILLER_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set([
    'please', 'pls', 'plz', 'kindly', 'can', 'could', 'would', 'will', 'you', 'u', 'me', 'us', 'my', 'our',
    'for', 'to', 'the', 'a', 'an', 'all', 'of', 'from', 'now', 'just', 'thanks', 'thank', 'thx', 'hi', 'hello',
    'hey', 'bot', 'bookings', 'booking', 'appointments', 'appointment', 'invoices', 'everything', 'customer',
    'client', 'and', 'with', 'i', 'want', 'need', 'like', 'do', 'run', 'create', 'make', 'show', 'list', 'give',
    'get', 'what', 'is', 'are', 'on', 'in', 'at', 'by', 'period', 'ok', 'okay', 'some', 'that', 'those', 'these',
  ]),
  da: new Set([
    'kan', 'du', 'vil', 'venligst', 'tak', 'for', 'mig', 'os', 'min', 'mine', 'vores', 'alle', 'alt', 'de', 'det',
    'den', 'af', 'fra', 'til', 'lige', 'nu', 'hej', 'gerne', 'godt', 'bookinger', 'booking', 'aftaler', 'aftale',
    'aftalerne', 'kunde', 'kunden', 'kunder', 'og', 'med', 'jeg', 'have', 'lav', 'lave', 'opret', 'oprette', 'vis',
    'hvad', 'er', 'på', 'i', 'fakturaer', 'faktura', 'fakturaerne', 'periode', 'perioden', 'bare', 'så', 'ok',
    'fra', 'dem', 'der', 'hele',
  ]),
};

export function isFiller(key: string): boolean {
  return FILLER_WORDS.en.has(key) || FILLER_WORDS.da.has(key);
}

/** Danish when Danish-only filler words outnumber English-only ones. */
export function fillerLanguage(keys: readonly string[]): Language | undefined {
  let da = 0;
  let en = 0;
  for (const k of keys) {
    const inDa = FILLER_WORDS.da.has(k);
    const inEn = FILLER_WORDS.en.has(k);
    if (inDa && !inEn) da += 1;
    if (inEn && !inDa) en += 1;
  }
  if (da > en) return 'da';
  if (en > da) return 'en';
  return undefined;
}
