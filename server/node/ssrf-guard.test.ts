import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowedHosts } from '../proxy/allowed-hosts.ts';
import { createCancellation, type UpstreamRequest } from '../proxy/exchange.ts';
import {
  createPinnedLookup,
  createSsrfGuard,
  type Resolver,
  type SsrfGuard,
  type VettedAddresses,
} from './ssrf-guard.ts';

/** A resolver answering from a table; unknown names fail like getaddrinfo. */
function table(entries: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const addresses = entries[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

const guards: SsrfGuard[] = [];
function guard(
  allowed = '',
  resolve: Resolver = table({}),
  selfTargets = [{ origin: 'http://127.0.0.1:4173', pathPrefix: '/demo', pinAddress: '127.0.0.1' }],
) {
  const created = createSsrfGuard({
    allowedHosts: parseAllowedHosts(allowed),
    resolve,
    selfTargets,
  });
  guards.push(created);
  return created;
}
afterAll(async () => {
  await Promise.all(guards.map((created) => created.close()));
});

const check = (created: SsrfGuard, url: string) => created.isTargetAllowed(new URL(url));

describe('default policy: public https only', () => {
  const resolve = table({
    'auth.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'internal.example.com': ['10.0.0.7'],
    'mixed.example.com': ['93.184.215.14', '127.0.0.1'],
    'mapped.example.com': ['::ffff:192.168.0.1'],
    'cgnat.example.com': ['100.64.1.1'],
    'ula.example.com': ['fd00::1'],
    'metadata.example.com': ['169.254.169.254'],
    localhost: ['127.0.0.1', '::1'],
  });
  const policy = guard('', resolve);

  it('allows an https host whose addresses are all public', async () => {
    expect(await check(policy, 'https://auth.example.com/oauth2/default/v1/token')).toEqual({
      allowed: true,
    });
  });

  it.each([
    ['internal.example.com', '10.0.0.7', 'private'],
    ['mixed.example.com', '127.0.0.1', 'loopback'],
    ['mapped.example.com', '::ffff:192.168.0.1', 'private'],
    ['cgnat.example.com', '100.64.1.1', 'carrier-grade NAT'],
    ['ula.example.com', 'fd00::1', 'unique local'],
    ['metadata.example.com', '169.254.169.254', 'link-local'],
    ['localhost', '127.0.0.1', 'loopback'],
  ])('refuses %s, which resolves to %s', async (host, address, label) => {
    const decision = await check(policy, `https://${host}/token`);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.reason).toContain(address);
      expect(decision.reason).toContain(label);
      expect(decision.reason).toContain('PROXY_ALLOWED_HOSTS');
    }
  });

  it('refuses plain http even to a public host', async () => {
    const decision = await check(policy, 'http://auth.example.com/token');
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringContaining('http') });
  });

  it.each([
    'https://10.0.0.1/',
    'https://127.0.0.1/',
    'https://2130706433/', // 127.0.0.1 written as one number: the URL parser normalises it
    'https://0x7f.1/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[fe80::1]/',
    'https://0.0.0.0/',
    'https://[::]/',
  ])('refuses the IP literal %s without resolving', async (url) => {
    const before = resolve.calls.length;
    expect((await check(policy, url)).allowed).toBe(false);
    expect(resolve.calls.length).toBe(before);
  });

  it('allows a public IP literal over https', async () => {
    expect(await check(policy, 'https://8.8.8.8/')).toEqual({ allowed: true });
  });

  it('lets a DNS failure through as an error with its code', async () => {
    await expect(check(policy, 'https://nowhere.example.com/')).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });
});

describe('PROXY_ALLOWED_HOSTS', () => {
  const resolve = table({
    'keycloak.lan': ['192.168.1.20'],
    'a.corp.example': ['10.1.1.1'],
    localhost: ['127.0.0.1'],
  });
  const policy = guard('keycloak.lan, *.corp.example:8443, localhost:8080, 10.0.0.5', resolve);

  it('allows a listed host over http at a private address', async () => {
    expect(
      await check(policy, 'http://keycloak.lan/realms/x/protocol/openid-connect/token'),
    ).toEqual({ allowed: true });
  });

  it('honours the port of host:port entries', async () => {
    expect(await check(policy, 'http://localhost:8080/token')).toEqual({ allowed: true });
    expect((await check(policy, 'http://localhost:8081/token')).allowed).toBe(false);
  });

  it('honours wildcards with ports', async () => {
    expect(await check(policy, 'https://a.corp.example:8443/token')).toEqual({ allowed: true });
    expect((await check(policy, 'https://a.corp.example/token')).allowed).toBe(false);
  });

  it('allows a listed private IP literal', async () => {
    expect(await check(policy, 'http://10.0.0.5:9000/token')).toEqual({ allowed: true });
    expect((await check(policy, 'http://10.0.0.6/token')).allowed).toBe(false);
  });
});

describe('the demo server on our own origin', () => {
  const policy = guard();

  it('is reachable under /demo only', async () => {
    expect(await check(policy, 'http://127.0.0.1:4173/demo/token')).toEqual({ allowed: true });
    expect(await check(policy, 'http://127.0.0.1:4173/demo')).toEqual({ allowed: true });
    expect((await check(policy, 'http://127.0.0.1:4173/api/session')).allowed).toBe(false);
    expect((await check(policy, 'http://127.0.0.1:4173/demonstration')).allowed).toBe(false);
    expect((await check(policy, 'http://127.0.0.1:4173/demo/../api/proxy')).allowed).toBe(false);
    expect((await check(policy, 'http://127.0.0.1:4173/demo/%2e%2e/api/proxy')).allowed).toBe(
      false,
    );
  });

  it('is not a pass for other loopback ports or hosts', async () => {
    expect((await check(policy, 'http://127.0.0.1:4174/demo/token')).allowed).toBe(false);
    expect((await check(policy, 'http://127.0.0.2:4173/demo/token')).allowed).toBe(false);
  });
});

describe('pinning', () => {
  it('answers lookups only from vetted addresses', async () => {
    const vetted: VettedAddresses = new Map([
      [
        'auth.example.com',
        {
          addresses: [
            { address: '93.184.215.14', family: 4 },
            { address: '2606:2800::1', family: 6 },
          ],
          expiresAt: Date.now() + 1000,
        },
      ],
    ]);
    const lookup = createPinnedLookup(vetted);
    const one = await new Promise<unknown[]>((resolve) =>
      lookup('auth.example.com', { family: 6 }, (...args) => resolve(args)),
    );
    expect(one).toEqual([null, '2606:2800::1', 6]);
    const all = await new Promise<[unknown, unknown]>((resolve) =>
      lookup('auth.example.com', { all: true }, (error, addresses) => resolve([error, addresses])),
    );
    expect(all[1]).toEqual(vetted.get('auth.example.com')?.addresses);
    const refused = await new Promise<unknown>((resolve) =>
      lookup('rebind.example.com', {}, (error) => resolve(error)),
    );
    expect(refused).toMatchObject({ code: 'PROXY_TARGET_FORBIDDEN' });
  });

  it('forgets vetted answers after their time', async () => {
    const vetted: VettedAddresses = new Map([
      ['old.example.com', { addresses: [{ address: '93.184.215.14', family: 4 }], expiresAt: 1 }],
    ]);
    const refused = await new Promise<unknown>((resolve) =>
      createPinnedLookup(vetted)('old.example.com', {}, (error) => resolve(error)),
    );
    expect(refused).toMatchObject({ code: 'PROXY_TARGET_FORBIDDEN' });
  });

  describe('through real connections', () => {
    let server: Server;
    let port: number;
    const hosts: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        hosts.push(req.headers.host ?? '');
        res.end('ok');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const init = (): UpstreamRequest => ({
      method: 'GET',
      headers: {},
      body: undefined,
      cancellation: createCancellation(),
    });

    it('connects to the vetted address, whatever DNS says later (rebinding)', async () => {
      let answer = '127.0.0.1';
      let calls = 0;
      const rebinding: Resolver = async () => {
        calls++;
        return [{ address: answer, family: 4 }];
      };
      const policy = guard('rebind.test', rebinding);
      const url = new URL(`http://rebind.test:${port}/`);
      expect(await policy.isTargetAllowed(url)).toEqual({ allowed: true });
      answer = '10.66.66.66'; // the attacker's second answer: must never be used
      const reply = await policy.upstream(url.href, init());
      const read = await reply.readBody(1024);
      expect(read.ok && Buffer.from(read.bytes).toString('utf8')).toBe('ok');
      expect(calls).toBe(1);
      expect(hosts.at(-1)).toBe(`rebind.test:${port}`);
    });

    it('refuses to connect to a name the policy never vetted', async () => {
      const policy = guard('unvetted.test', table({ 'unvetted.test': ['127.0.0.1'] }));
      await expect(policy.upstream(`http://unvetted.test:${port}/`, init())).rejects.toMatchObject({
        code: 'PROXY_TARGET_FORBIDDEN',
      });
    });
  });
});
