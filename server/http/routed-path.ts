/**
 * The request's path as the router matches it, for the checks made before routing. restify's router
 * decodes percent-escapes before it matches (find-my-way's safeDecodeURI), so `/%61pi/me` reaches
 * the /api/me handler: checks that looked at the raw path would be skipped by an escape. Undefined
 * when the path cannot be decoded (no route can be matched for it either).
 */
export function routedPath(url: string): string | undefined {
  const raw = url.split(/[?#]/, 1)[0] || '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The JSON API and the bot endpoint, whatever the case or however many slashes lead: erring towards checking. */
export const isApiPath = (path: string): boolean => /^\/+api(\/|$)/i.test(path);

/** The bot endpoint, as Bot Framework and Teams address it. */
export const isBotEndpoint = (path: string): boolean => /^\/+api\/+messages\/*$/i.test(path);
