import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';

const request = (forwardedFor: string | undefined) =>
  ({ headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: '10.0.0.7' } }) as unknown as Pick<
    IncomingMessage,
    'headers' | 'socket'
  >;

describe('clientAddress', () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request('203.0.113.5'), 0)).toBe('10.0.0.7');
  });

  it('is the entry the trusted proxy appended, not one the client wrote before it', () => {
    expect(clientAddress(request('203.0.113.5'), 1)).toBe('203.0.113.5');
    expect(clientAddress(request('198.51.100.1, 198.51.100.2, 203.0.113.5'), 1)).toBe('203.0.113.5');
    expect(clientAddress(request('198.51.100.1, 203.0.113.5, 10.0.0.9'), 2)).toBe('203.0.113.5');
  });

  it('drops the port a front end writes beside the address', () => {
    expect(clientAddress(request('203.0.113.5:50312'), 1)).toBe('203.0.113.5');
    expect(clientAddress(request('[2001:db8::1]:443'), 1)).toBe('2001:db8::1');
    expect(clientAddress(request('2001:db8::1'), 1)).toBe('2001:db8::1');
  });

  it("is the socket's address when the header holds fewer entries than trusted proxies", () => {
    expect(clientAddress(request(undefined), 1)).toBe('10.0.0.7');
    expect(clientAddress(request('203.0.113.5'), 2)).toBe('10.0.0.7');
  });
});
