import { describe, expect, it } from 'vitest';
import { EnvError, parseServerEnv } from './env.ts';

describe('parseServerEnv', () => {
  it('defaults to 127.0.0.1:4173 with no extra hosts', () => {
    expect(parseServerEnv({})).toEqual({
      HOST: '127.0.0.1',
      PORT: 4173,
      PROXY_ALLOWED_HOSTS: [],
      PUBLIC_ORIGINS: [],
      PROXY_RATE_LIMIT: 600,
      PROXY_TIMEOUT_MS: 15_000,
      FRAME_ANCESTORS: [],
    });
  });

  it('reads PROXY_TIMEOUT_S as whole seconds from 1 to 300', () => {
    expect(parseServerEnv({ PROXY_TIMEOUT_S: '4' }).PROXY_TIMEOUT_MS).toBe(4000);
    expect(parseServerEnv({ PROXY_TIMEOUT_S: ' 300 ' }).PROXY_TIMEOUT_MS).toBe(300_000);
    for (const bad of ['0', '301', '1.5', '15s', '-1', 'fast'])
      expect(() => parseServerEnv({ PROXY_TIMEOUT_S: bad })).toThrow(
        /PROXY_TIMEOUT_S=.*whole number of seconds from 1 to 300/,
      );
  });

  it('reads PROXY_RATE_LIMIT as calls in any 60 s, 0 for no limit', () => {
    expect(parseServerEnv({ PROXY_RATE_LIMIT: '30' }).PROXY_RATE_LIMIT).toBe(30);
    expect(parseServerEnv({ PROXY_RATE_LIMIT: '0' }).PROXY_RATE_LIMIT).toBe(0);
    for (const bad of ['ten', '-5', '1.5', '60/min'])
      expect(() => parseServerEnv({ PROXY_RATE_LIMIT: bad })).toThrow(
        /PROXY_RATE_LIMIT=.*whole number: the most calls one client may make in any 60 seconds/,
      );
  });

  it('reads FRAME_ANCESTORS, and names a bad entry in one line', () => {
    expect(
      parseServerEnv({ FRAME_ANCESTORS: 'https://docs.example.com https://*.example.org' })
        .FRAME_ANCESTORS,
    ).toEqual(['https://docs.example.com', 'https://*.example.org']);
    expect(() => parseServerEnv({ FRAME_ANCESTORS: 'docs.example.com' })).toThrow(
      /FRAME_ANCESTORS="docs.example.com": "docs.example.com" is not an origin like/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(parseServerEnv({ HOST: '', PORT: ' ', PROXY_ALLOWED_HOSTS: '' })).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 4173,
    });
  });

  it('reads every variable', () => {
    const env = parseServerEnv({
      HOST: '0.0.0.0',
      PORT: '0',
      PROXY_ALLOWED_HOSTS: 'localhost:8080,*.corp.example',
      PUBLIC_ORIGINS: 'https://playground.example.com, http://192.168.1.5:4173',
    });
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.PORT).toBe(0);
    expect(env.PROXY_ALLOWED_HOSTS.map((pattern) => pattern.source)).toEqual([
      'localhost:8080',
      '*.corp.example',
    ]);
    expect(env.PUBLIC_ORIGINS).toEqual([
      'https://playground.example.com',
      'http://192.168.1.5:4173',
    ]);
  });

  it('accepts IPv6 hosts', () => {
    expect(parseServerEnv({ HOST: '::1' }).HOST).toBe('::1');
  });

  it('lists every bad variable in one readable error', () => {
    let error: unknown;
    try {
      parseServerEnv({
        HOST: 'not a host',
        PORT: '99999',
        PROXY_ALLOWED_HOSTS: 'https://x.example',
        PUBLIC_ORIGINS: 'example.com',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain('Invalid environment');
    expect(message).toMatch(/HOST="not a host": must be a host name or an IP address/);
    expect(message).toMatch(/PORT="99999": must be a whole number from 0 to 65535/);
    expect(message).toMatch(
      /PROXY_ALLOWED_HOSTS="https:\/\/x.example": "https:\/\/x.example" looks like a URL/,
    );
    expect(message).toMatch(/PUBLIC_ORIGINS="example.com": "example.com" is not an origin/);
  });

  it.each(['-1', '4173.5', 'abc', '1e3'])('refuses PORT=%s', (port) => {
    expect(() => parseServerEnv({ PORT: port })).toThrow(/PORT=/);
  });
});
