import { describe, expect, it } from 'vitest';
import { classifyIpAddress, isIpAddress, parseIpv6 } from './ip-address.ts';

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
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
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
    ['2001:0:4136:e378::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:a00:1]', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:0808:0808::1', 'public'],
    ['::127.0.0.1', 'reserved'],
  ])('IPv6 %s is %s', (address, kind) => {
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
    expect(isIpAddress(text)).toBe(false);
  });
});

describe('parseIpv6', () => {
  it('expands :: and embedded IPv4', () => {
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('1::')).toBe(1n << 112n);
    expect(parseIpv6('::ffff:1.2.3.4')).toBe((0xffffn << 32n) | 0x01020304n);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toBe(0x00010002000300040005000600070008n);
  });

  it('refuses a :: that stands for no group', () => {
    expect(parseIpv6('1:2:3:4::5:6:7:8')).toBeUndefined();
  });
});
