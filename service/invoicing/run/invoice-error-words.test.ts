import {
  INVOICE_ERROR_KINDS,
  INVOICE_ERROR_WORDS,
  STORED_INVOICE_ERRORS,
  invoiceErrorKind,
  invoiceErrorWords,
  type InvoiceErrorKind,
} from './invoice-error-words';
import { RAW_DETAIL } from './run-error-words';

const LANGUAGES = ['en', 'da'] as const;
const RAW =
  'POST http://127.0.0.1:4200/v2.0/t/production/api/v2.0/companies(c0ffee)/salesInvoices failed after 5 attempts: 500 BKI-MOCWY3ZQ\n    at send (http-client.ts:12:3)';
const REFUSED = 'Customer 10000 is blocked for invoicing.';

/** What the run stores for each kind (the writers use STORED_INVOICE_ERRORS), as it lands in the store. */
const STORED: Record<InvoiceErrorKind, string> = {
  'bc-refused': REFUSED,
  'no-customer': `${STORED_INVOICE_ERRORS.noCustomerPrefix}: No email address in Bookings`,
  'gave-up': STORED_INVOICE_ERRORS.gaveUp,
  'wrong-draft-deleted': `${STORED_INVOICE_ERRORS.wrongDraftDeleted}: total 500.00 DKK, expected 625.00 DKK`,
  'deleted-before-verify': STORED_INVOICE_ERRORS.deletedBeforeVerify,
  'deleted-in-bc': STORED_INVOICE_ERRORS.deletedInBc,
  unknown: RAW,
};

const everyKindInEveryLanguage = INVOICE_ERROR_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const));

describe('an invoice failure in words', () => {
  it.each(INVOICE_ERROR_KINDS)('the stored text of %s reads back as that kind', (kind) => {
    expect(invoiceErrorKind(STORED[kind]).kind).toBe(kind);
  });

  it.each(everyKindInEveryLanguage)('%s in %s says what failed, that no invoice was made, and what to do', (kind, language) => {
    const words = invoiceErrorWords(STORED[kind], language)!;
    expect(words.startsWith(INVOICE_ERROR_WORDS[kind][language])).toBe(true);
    expect(words).toMatch(language === 'en' ? /not created|no invoice/i : /ikke oprettet|ingen faktura/i);
    expect(words).toMatch(language === 'en' ? /invoice (them )?again/i : /fakturer/i);
  });

  it.each(everyKindInEveryLanguage)('%s in %s has no URL, stack or idempotency key, stored text and all', (kind, language) => {
    for (const words of [INVOICE_ERROR_WORDS[kind][language], invoiceErrorWords(STORED[kind], language)!]) {
      expect(words).not.toMatch(RAW_DETAIL);
      expect(words).not.toMatch(/https?:|\/v[12]\.0|BKI-|\n\s+at |CorrelationId|undefined/);
    }
  });

  it('the two languages differ for every kind', () => {
    for (const kind of INVOICE_ERROR_KINDS) expect(INVOICE_ERROR_WORDS[kind].da).not.toBe(INVOICE_ERROR_WORDS[kind].en);
  });

  it.each(LANGUAGES)("Business Central's own refusal is quoted after the words in %s", (language) => {
    expect(invoiceErrorWords(REFUSED, language)).toBe(
      `${INVOICE_ERROR_WORDS['bc-refused'][language]} ${language === 'en' ? 'Business Central said' : 'Business Central skrev'}: “${REFUSED}”`,
    );
  });

  it('a refusal without words of its own, and our English detail after a known text, are not quoted', () => {
    expect(invoiceErrorWords(STORED_INVOICE_ERRORS.bcRefused, 'da')).toBe(INVOICE_ERROR_WORDS['bc-refused'].da);
    expect(invoiceErrorWords(STORED['wrong-draft-deleted'], 'da')).toBe(INVOICE_ERROR_WORDS['wrong-draft-deleted'].da);
    expect(invoiceErrorWords(STORED['no-customer'], 'en')).toBe(INVOICE_ERROR_WORDS['no-customer'].en);
  });

  it('text carrying a URL, stack or key is the unknown kind, not quoted', () => {
    for (const raw of [RAW, `${REFUSED} See https://example.com/help`, `Duplicate externalDocumentNumber BKI-ABCDEF1`]) {
      expect(invoiceErrorWords(raw, 'da')).toBe(INVOICE_ERROR_WORDS.unknown.da);
    }
  });

  it('a long refusal is cut short', () => {
    const words = invoiceErrorWords('x'.repeat(1000), 'en')!;
    expect(words.length).toBeLessThan(INVOICE_ERROR_WORDS['bc-refused'].en.length + 190);
    expect(words).toMatch(/…”$/);
  });

  it.each(LANGUAGES)('in %s, the words with the longest quote fit the 400 characters a bot card shows of a reason', (language) => {
    expect(Array.from(invoiceErrorWords('x'.repeat(1000), language)!).length).toBeLessThanOrEqual(400);
  });

  it('no stored failure, no words', () => {
    expect(invoiceErrorWords(null, 'da')).toBeNull();
  });
});
