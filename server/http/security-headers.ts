/**
 * Where Teams and Microsoft 365 may frame the tab, as Teams' tab requirements list the hosts: Teams
 * (classic and new), the Microsoft 365 app (*.cloud.microsoft, *.microsoft365.com, *.office.com) and
 * Outlook. Nobody else may frame it (clickjacking).
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
] as const;

/**
 * No inline script and nothing from elsewhere: the tab is one Vite bundle served from here. Fluent
 * UI (Griffel) inserts style elements at run time, hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** The headers every answer carries; HSTS only live, where the app is served over https. */
export function securityHeaders(mode: 'sandbox' | 'live'): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    ...(mode === 'live' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
