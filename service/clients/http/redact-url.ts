/** Query parameters whose values are safe to show in errors and logs; others may hold secrets or personal data. */
const SHOWN = new Set(['start', 'end', '$top', '$skip', '$select', '$expand', '$orderby', 'api-version']);

/** The URL as errors and logs show it: query values other than paging and range parameters redacted. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\?.*$/, '?…');
  }
  const params = [...parsed.searchParams.keys()];
  if (params.length === 0) return url;
  const shown = [...parsed.searchParams.entries()].map(([k, v]) => `${k}=${SHOWN.has(k) ? v : '…'}`);
  return `${parsed.origin}${parsed.pathname}?${shown.join('&')}`;
}
