/**
 * The link of an invoice once posted: Business Central's web client shows it on page 132 (Posted
 * Sales Invoice) under its posted number, where the draft was page 43. The sandbox's page is by id
 * and stays. Rewriting the stored link keeps the sync phase free of the process's link settings.
 */
export function postedUrl(url: string | null, postedNumber: string): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.searchParams.get('page') !== '43') return url;
  const company = parsed.searchParams.get('company') ?? '';
  // Built as invoiceUrl builds it, so both kinds of link look alike.
  const filter = encodeURIComponent(`'No.' IS '${postedNumber}'`);
  return `${parsed.origin}${parsed.pathname}?company=${encodeURIComponent(company)}&page=132&filter=${filter}`;
}
