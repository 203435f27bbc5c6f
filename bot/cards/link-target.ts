const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A link into Business Central for a card, or undefined when it must not be one. Only https, and
 * http on this machine (the sandbox's emulator page); a markdown link destination must not end
 * early at ")" or whitespace, so those are percent-encoded.
 */
export function safeLinkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname))) return undefined;
  return parsed.href.replace(/[()[\]<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
