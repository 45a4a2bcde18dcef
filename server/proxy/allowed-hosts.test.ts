import { describe, expect, it } from 'vitest';
import { AllowedHostsError, findAllowedHostPattern, parseAllowedHosts } from './allowed-hosts.ts';

const allows = (list: string, url: string) =>
  findAllowedHostPattern(new URL(url), parseAllowedHosts(list)) !== undefined;

describe('parseAllowedHosts', () => {
  it('reads hosts, ports, wildcards and bracketed IPv6, ignoring blanks', () => {
    expect(
      parseAllowedHosts(
        ' auth.internal , localhost:8080,,*.corp.example:8443, [::1]:9000 ,10.0.0.5',
      ),
    ).toEqual([
      { hostname: 'auth.internal', wildcard: false, port: undefined, source: 'auth.internal' },
      { hostname: 'localhost', wildcard: false, port: 8080, source: 'localhost:8080' },
      { hostname: 'corp.example', wildcard: true, port: 8443, source: '*.corp.example:8443' },
      { hostname: '[::1]', wildcard: false, port: 9000, source: '[::1]:9000' },
      { hostname: '10.0.0.5', wildcard: false, port: undefined, source: '10.0.0.5' },
    ]);
  });

  it('treats undefined and empty as no hosts', () => {
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(parseAllowedHosts('  ')).toEqual([]);
  });

  it('normalises names as the URL parser does', () => {
    expect(parseAllowedHosts('Auth.Example.COM')[0]?.hostname).toBe('auth.example.com');
  });

  it.each([
    ['https://auth.example.com', /URL/],
    ['auth.example.com/path', /URL/],
    ['host:', /no port/],
    ['host:0', /1-65535/],
    ['host:70000', /1-65535/],
    ['::1', /brackets/],
    ['[::1', /"\["/],
    ['[::1]x', /\[ipv6\]/],
    ['a.*.example', /first label/],
    ['*', /first label/],
    ['*.[::1]', /IP/],
    ['exa mple.com', /valid host/],
  ])('refuses %s', (entry, reason) => {
    expect(() => parseAllowedHosts(entry)).toThrow(AllowedHostsError);
    expect(() => parseAllowedHosts(entry)).toThrow(reason);
  });
});

describe('findAllowedHostPattern', () => {
  it('matches a bare host on any port and either scheme', () => {
    expect(allows('auth.internal', 'http://auth.internal/token')).toBe(true);
    expect(allows('auth.internal', 'https://auth.internal:8443/token')).toBe(true);
    expect(allows('auth.internal', 'https://other.internal/token')).toBe(false);
  });

  it('matches host:port only on that port, default ports included', () => {
    expect(allows('localhost:8080', 'http://localhost:8080/')).toBe(true);
    expect(allows('localhost:8080', 'http://localhost:8081/')).toBe(false);
    expect(allows('auth.internal:443', 'https://auth.internal/')).toBe(true);
    expect(allows('auth.internal:80', 'http://auth.internal/')).toBe(true);
    expect(allows('auth.internal:80', 'https://auth.internal/')).toBe(false);
  });

  it('matches wildcards strictly below the domain', () => {
    expect(allows('*.corp.example', 'https://a.corp.example/')).toBe(true);
    expect(allows('*.corp.example', 'https://a.b.corp.example/')).toBe(true);
    expect(allows('*.corp.example', 'https://corp.example/')).toBe(false);
    expect(allows('*.corp.example', 'https://evilcorp.example/')).toBe(false);
    expect(allows('*.corp.example:8443', 'https://a.corp.example:8443/')).toBe(true);
    expect(allows('*.corp.example:8443', 'https://a.corp.example/')).toBe(false);
  });

  it('matches IP literals in canonical form', () => {
    expect(allows('[::1]:9000', 'http://[::1]:9000/')).toBe(true);
    expect(allows('[0:0::1]', 'http://[::1]/')).toBe(true);
    expect(allows('127.0.0.1', 'http://127.0.0.1:1234/')).toBe(true);
    expect(allows('127.0.0.1', 'http://127.0.0.2/')).toBe(false);
  });
});
