import type { LookupAddress } from 'node:dns';
import { afterAll, describe, expect, it } from 'vitest';
import { createFetchHandler } from '../proxy/fetch-handler.ts';
import { createProxyHandler, type UpstreamFetch } from '../proxy/handler.ts';
import { classifyIpAddress } from '../proxy/ip-address.ts';
import { createProxyTokens } from '../proxy/proxy-token.ts';
import {
  ipv4Notations,
  ipv6Notations,
  IPV4_FORMS_IN_IPV6,
  NON_PUBLIC_IPV4,
  NON_PUBLIC_IPV6,
  type AddressBlock,
} from '../proxy/test-support/special-addresses.ts';
import { createSsrfGuard } from './ssrf-guard.ts';

// Every notation of every special-purpose address, sent as a target through each host's real
// handler and policy. The upstream handed to the handlers connects nowhere: it records any call
// whose host is not a loopback literal and fails it, so a policy that is still wrong fails this
// test instead of sending traffic off the machine.

const SECRET = 'ssrf-refusals-test-secret-0123456789abcdef';
const ORIGIN = 'http://127.0.0.1:4173';

const escaped: string[] = [];
const loopbackOnly: UpstreamFetch = async (url) => {
  const { hostname } = new URL(url);
  if (classifyIpAddress(hostname) !== 'loopback') {
    escaped.push(hostname);
    throw new Error(`the test connector refuses ${hostname}: only loopback is reachable in tests`);
  }
  return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
};

/** The first, last and middle address of a block: its edges are where tables go wrong. */
function edges(block: AddressBlock, middle: (first: string, last: string) => string): string[] {
  return [block.first, middle(block.first, block.last), block.last];
}
const ipv4Middle = (first: string, last: string) =>
  first
    .split('.')
    .map((part, index) => Math.floor((Number(part) + Number(last.split('.')[index])) / 2))
    .join('.');

const ipv4Targets = NON_PUBLIC_IPV4.flatMap((block) =>
  edges(block, ipv4Middle).flatMap((address) => [
    ...ipv4Notations(address),
    ...IPV4_FORMS_IN_IPV6.flatMap((form) => ipv6Notations(form.embed(address))),
  ]),
);
const ipv6Targets = NON_PUBLIC_IPV6.flatMap((block) =>
  [block.first, block.last].flatMap((address) => ipv6Notations(address)),
);
const TARGETS = [...new Set([...ipv4Targets, ...ipv6Targets])];

const guard = createSsrfGuard({
  allowedHosts: [],
  // Every name resolves to the special address it is named after (`a-<index>.test`).
  resolve: async (hostname: string): Promise<LookupAddress[]> => {
    const address = RESOLVED[Number(/^a-(\d+)\.test$/.exec(hostname)?.[1] ?? -1)];
    if (address === undefined) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  },
});
afterAll(() => guard.close());

/** What a resolver may answer: dotted quads and IPv6 text, never URL notations. */
const RESOLVED = [
  ...NON_PUBLIC_IPV4.flatMap((block) => edges(block, ipv4Middle)),
  ...NON_PUBLIC_IPV6.flatMap((block) => [block.first, block.last]),
  ...NON_PUBLIC_IPV4.flatMap((block) => IPV4_FORMS_IN_IPV6.map((form) => form.embed(block.first))),
];

const proxyTokens = createProxyTokens({ secret: SECRET });
const hosts = {
  'the fetch host (workerd and other runtimes)': createFetchHandler(
    { PROXY_TOKEN_SECRET: SECRET },
    loopbackOnly,
  ),
  'the Node host (DNS-pinning guard)': createProxyHandler({
    proxyTokens,
    upstreamFetch: loopbackOnly,
    isTargetAllowed: guard.isTargetAllowed,
  }),
};

async function codesFor(
  handler: (request: Request) => Promise<Response>,
  targets: readonly string[],
): Promise<Map<string, string[]>> {
  const { token } = await proxyTokens.issue(ORIGIN);
  const byOutcome = new Map<string, string[]>();
  for (const target of targets) {
    const response = await handler(
      new Request(`${ORIGIN}/api/proxy`, {
        headers: { 'x-proxy-token': token, 'x-proxy-target': target },
      }),
    );
    const code = response.headers.get('x-proxy-error') ?? String(response.status);
    const outcome = `${response.status} ${code}`;
    byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), target]);
  }
  return byOutcome;
}

describe.each(Object.entries(hosts))('%s', (_name, handler) => {
  it(`refuses ${TARGETS.length} notations of special-purpose addresses, and connects to none`, async () => {
    const outcomes = await codesFor(
      handler,
      TARGETS.map((host) => `https://${host}/token`),
    );
    expect([...outcomes.keys()]).toEqual(['403 target_forbidden']);
    expect(escaped).toEqual([]);
  });
});

it('the Node host refuses names that resolve to them, before connecting', async () => {
  const outcomes = await codesFor(
    hosts['the Node host (DNS-pinning guard)'],
    RESOLVED.map((_address, index) => `https://a-${index}.test/token`),
  );
  expect([...outcomes.keys()]).toEqual(['403 target_forbidden']);
  expect(escaped).toEqual([]);
});
// A fetch runtime cannot resolve a name before connecting: there the platform's network refuses
// non-public destinations (server/node/edge-network.ts for the local workerd; e2e/edge.spec.ts).
