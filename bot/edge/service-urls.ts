/**
 * Where the bot may post. Every reply and proactive message goes to the activity's `serviceUrl`,
 * with the bot's Bot Framework token: a made-up serviceUrl would receive cards of customer data.
 * Live: the Bot Framework's channel hosts of each cloud over https, Teams' own in the US government
 * clouds (GCC, GCC High, DoD). Sandbox: loopback only (the Agents Playground's mock connector, the
 * tests' stand-in).
 */
const LIVE_HOSTS = [
  /^smba\.trafficmanager\.net$/,
  /^smba\.infra\.gcc\.teams\.microsoft\.com$/,
  /^smba\.infra\.(gov|dod)\.teams\.microsoft\.us$/,
  /(^|\.)botframework\.com$/,
  /(^|\.)botframework\.us$/,
  /(^|\.)botframework\.azure\.us$/,
  /(^|\.)botframework\.azure\.cn$/,
];
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isAllowedServiceUrl(serviceUrl: string, mode: 'sandbox' | 'live'): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (mode === 'sandbox') return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname);
  return url.protocol === 'https:' && url.port === '' && LIVE_HOSTS.some((host) => host.test(url.hostname));
}
