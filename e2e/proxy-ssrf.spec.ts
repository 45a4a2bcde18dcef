// What a caller can make the proxy connect to, on both hosts as they really run: `npm start` and
// `npm run start:edge`, neither given PROXY_ALLOWED_HOSTS. Every target here points at this
// machine's loopback, where a listener counts connections: a policy that is wrong fails the test
// with a connection counted, and nothing leaves the machine. (Every special-purpose block in every
// notation and IPv6 form is refused through both hosts' real handlers in
// server/node/ssrf-refusals.test.ts, with an upstream that reaches nothing but loopback.)
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { expect, test } from '@playwright/test';
import {
  ipv4Notations,
  IPV4_FORMS_IN_IPV6,
  ipv6Notations,
} from '../server/proxy/test-support/special-addresses.ts';
import { fetchSession, proxyCall, proxyErrorOf } from './support/http.ts';
import { startPlaygroundProcess, type PlaygroundProcess } from './support/playground-process.ts';

let listener: Server;
let listenerPort: number;
let connections = 0;
const hosts: Record<'node' | 'edge', PlaygroundProcess | undefined> = {
  node: undefined,
  edge: undefined,
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // On every interface: a name resolving to any address of this machine reaches it.
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '0.0.0.0', resolve));
  listenerPort = (listener.address() as { port: number }).port;
  [hosts.node, hosts.edge] = await Promise.all([
    startPlaygroundProcess({ env: { PROXY_ALLOWED_HOSTS: '' } }),
    startPlaygroundProcess({ runtime: 'edge', env: { PROXY_ALLOWED_HOSTS: '' } }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([hosts.node?.stop(), hosts.edge?.stop()]);
  await new Promise((resolve) => listener?.close(resolve));
});

/**
 * A name of this machine other than `localhost` (which both policies refuse by name) that
 * resolves to loopback: its own host name, or an /etc/hosts entry.
 */
async function nameOfLoopback(): Promise<string | undefined> {
  const fromHostsFile = readFileSync('/etc/hosts', 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/))
    .filter(
      ([address]) => address === '127.0.0.1' || address === '::1' || address?.startsWith('127.'),
    )
    .flatMap(([, ...names]) => names);
  for (const name of [hostname(), ...fromHostsFile]) {
    if (!name || name === 'localhost' || name.endsWith('.localhost')) continue;
    const addresses = await lookup(name, { all: true }).catch(() => []);
    if (
      addresses.length > 0 &&
      addresses.every(({ address }) => address.startsWith('127.') || address === '::1')
    )
      return name;
  }
  return undefined;
}

for (const runtime of ['node', 'edge'] as const) {
  test(`${runtime}: loopback written in every notation and IPv4-carrying form is refused, and nothing connects`, async () => {
    const host = hosts[runtime];
    if (!host) throw new Error('not started');
    const { proxyToken } = await fetchSession(host.origin);
    const targets = [
      ...ipv4Notations('127.0.0.1'),
      ...ipv4Notations('127.255.0.1'),
      ...ipv4Notations('0.0.0.0'),
      ...ipv6Notations('::1'),
      ...ipv6Notations('::'),
      // The IPv4-mapped form is connected to as the IPv4 address itself: loopback if allowed.
      ...ipv6Notations(IPV4_FORMS_IN_IPV6[0]?.embed('127.0.0.1') ?? ''),
      '[::ffff:7f00:1]',
    ].map((notation) => `https://${notation}:${listenerPort}/token`);
    const before = connections;
    for (const target of targets) {
      const answer = await proxyCall(host.origin, proxyToken, { target, body: '' });
      expect([answer.status, proxyErrorOf(answer)?.code], target).toEqual([
        403,
        'target_forbidden',
      ]);
    }
    expect(connections - before).toBe(0);
  });

  test(`${runtime}: a name that resolves to loopback is refused, and nothing connects`, async () => {
    const host = hosts[runtime];
    if (!host) throw new Error('not started');
    const name = await nameOfLoopback();
    test.skip(name === undefined, 'this machine has no name other than localhost for loopback');
    const { proxyToken } = await fetchSession(host.origin);
    const before = connections;
    const answer = await proxyCall(host.origin, proxyToken, {
      target: `https://${name}:${listenerPort}/token`,
      body: 'grant_type=client_credentials',
    });
    const error = proxyErrorOf(answer);
    if (runtime === 'node') {
      // The Node host resolves first and refuses before connecting.
      expect([answer.status, error?.code]).toEqual([403, 'target_forbidden']);
      expect(error?.message).toContain('loopback');
    } else {
      // workerd's network (public destinations only) drops the name's every address: no
      // connection, and a message that says why a private name ends here.
      expect([answer.status, error?.code]).toEqual([502, 'network']);
      expect(error?.message).toContain('public addresses only');
    }
    expect(connections - before).toBe(0);
  });
}
