import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyIpAddress } from './ip-address.ts';
import {
  ipv4Notations,
  ipv6Notations,
  IPV4_FORMS_IN_IPV6,
  NON_PUBLIC_IPV4,
  NON_PUBLIC_IPV6,
  PUBLIC_IPV4_SAMPLES,
  PUBLIC_IPV6_SAMPLES,
  randomIpv4In,
  randomIpv6In,
  urlHostname,
} from './test-support/special-addresses.ts';

describe('classifyIpAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['172.15.255.255', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.1', 'public'],
    ['100.63.255.255', 'public'],
    ['169.254.169.254', 'link-local'],
    ['192.0.0.9', 'special-purpose'],
    ['192.0.2.10', 'documentation'],
    ['192.31.196.1', 'special-purpose'],
    ['192.88.99.1', 'special-purpose'],
    ['198.18.0.1', 'benchmarking'],
    ['198.51.100.1', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
  ])('IPv4 %s is %s', (address, kind) => {
    expect(classifyIpAddress(address)).toBe(kind);
  });

  it.each([
    ['2606:4700:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['2001:10::1', 'special-purpose'], // ORCHID, inside the IETF protocol block
    ['2001:1::1', 'special-purpose'],
    ['2620:4f:8000::1', 'special-purpose'],
    ['100::1', 'reserved'], // discard-only, outside 2000::/3
    ['5f00::1', 'reserved'], // SRv6 SIDs, outside 2000::/3
    ['4000::1', 'reserved'], // unassigned, outside 2000::/3
    ['64:ff9b:1::a00:1', 'reserved'], // local-use NAT64 (RFC 8215), outside 2000::/3
  ])('IPv6 %s is %s', (address, kind) => {
    expect(classifyIpAddress(address)).toBe(kind);
  });

  it.each([
    // IPv4-compatible, as the URL parser writes it: the measured hole.
    ['::a9fe:a9fe', 'link-local'],
    ['[::a9fe:a9fe]', 'link-local'],
    ['::7f00:1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['::a00:1', 'private'],
    ['::808:808', 'reserved'], // a public address inside a deprecated form is still no route
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:a00:1]', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:0:127.0.0.1', 'loopback'], // IPv4-translated (RFC 6145)
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['2002:0808:0808::1', 'public'],
    // Teredo: server 65.54.227.120, client 8.8.8.8 stored inverted (f7f7:f7f7).
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', 'public'],
    // Teredo with the client 127.0.0.1 (inverted: 80ff:fffe).
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
    // Teredo with the server 10.0.0.1.
    ['2001:0:a00:1:8000:63bf:f7f7:f7f7', 'private'],
  ])('a form carrying IPv4, %s, is judged by that IPv4 address: %s', (address, kind) => {
    expect(classifyIpAddress(address)).toBe(kind);
  });

  it.each([
    'localhost',
    'example.com',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    '256.1.1.1',
    '1::2::3',
    ':::',
    'g::1',
    '1:2:3:4:5:6:7:8:9',
    '',
  ])('%s is not an IP literal', (text) => {
    expect(classifyIpAddress(text)).toBeUndefined();
  });

  it('reads a full-length address and its compressed form alike', () => {
    expect(classifyIpAddress('0:0:0:0:0:ffff:7f00:1')).toBe('loopback');
    expect(classifyIpAddress('2001:4860:0:0:0:0:0:8888')).toBe('public');
  });
});

/**
 * Every notation of every special-purpose block, as the URL parser hands it to the policy. The
 * blocks are the test's own table (first and last address, copied from the IANA registries), not
 * the module's, and the addresses are drawn at random inside them.
 */
describe('no notation of a special-purpose address is public', () => {
  it.each(NON_PUBLIC_IPV4.map((block) => [block.name, block] as const))(
    'IPv4 %s, in every URL notation and inside every IPv6 form that carries IPv4',
    (_name, block) => {
      fc.assert(
        fc.property(randomIpv4In(block), (address) => {
          for (const notation of ipv4Notations(address)) {
            expect(classifyIpAddress(urlHostname(notation)), notation).not.toBe('public');
          }
          for (const form of IPV4_FORMS_IN_IPV6) {
            for (const notation of ipv6Notations(form.embed(address))) {
              expect(classifyIpAddress(urlHostname(notation)), `${form.name} ${notation}`).not.toBe(
                'public',
              );
            }
          }
        }),
        { numRuns: 40 },
      );
    },
  );

  it.each(NON_PUBLIC_IPV6.map((block) => [block.name, block] as const))(
    'IPv6 %s, in every URL notation',
    (_name, block) => {
      fc.assert(
        fc.property(randomIpv6In(block), (address) => {
          for (const notation of ipv6Notations(address)) {
            expect(classifyIpAddress(urlHostname(notation)), notation).not.toBe('public');
          }
        }),
        { numRuns: 60 },
      );
    },
  );

  it('public addresses stay public in every notation and every IPv4-carrying form that routes', () => {
    for (const address of PUBLIC_IPV4_SAMPLES) {
      for (const notation of ipv4Notations(address))
        expect(classifyIpAddress(urlHostname(notation)), notation).toBe('public');
      for (const form of IPV4_FORMS_IN_IPV6.filter(({ routes }) => routes))
        expect(classifyIpAddress(urlHostname(`[${form.embed(address)}]`)), form.name).toBe(
          'public',
        );
    }
    for (const address of PUBLIC_IPV6_SAMPLES)
      for (const notation of ipv6Notations(address))
        expect(classifyIpAddress(urlHostname(notation)), notation).toBe('public');
  });
});
