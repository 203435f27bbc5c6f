import { isAllowedServiceUrl } from './service-urls';

describe('isAllowedServiceUrl', () => {
  it.each([
    'https://smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net/amer/',
    // Teams in the US government clouds: GCC, GCC High, DoD.
    'https://smba.infra.gcc.teams.microsoft.com/',
    'https://smba.infra.gov.teams.microsoft.us/',
    'https://smba.infra.dod.teams.microsoft.us/',
    'https://europe.webchat.botframework.com/',
  ])('lets a live bot post to Teams at %s', (url) => {
    expect(isAllowedServiceUrl(url, 'live')).toBe(true);
  });

  it.each([
    'http://smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net:8443/emea/',
    'https://user:pass@smba.trafficmanager.net/emea/',
    'https://smba.infra.gcc.teams.microsoft.com.example.com/',
    'https://evil-smba.infra.gov.teams.microsoft.us/',
    'https://smba.infra.gov.teams.microsoft.com/',
    'https://attacker.example/',
    'http://127.0.0.1:3979/',
    'not a url',
  ])('refuses %s in live mode', (url) => {
    expect(isAllowedServiceUrl(url, 'live')).toBe(false);
  });

  it('posts only to loopback in the sandbox', () => {
    expect(isAllowedServiceUrl('http://127.0.0.1:3979/', 'sandbox')).toBe(true);
    expect(isAllowedServiceUrl('https://smba.trafficmanager.net/emea/', 'sandbox')).toBe(false);
  });
});
