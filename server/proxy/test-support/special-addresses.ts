import fc from 'fast-check';

/**
 * The special-purpose address blocks, written for tests independently of ip-address.ts: first and
 * last address of each block, copied from the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (plus multicast and the reserved ranges), and every notation a URL may write an
 * address in. A test draws addresses inside each block and expects none of them to be public.
 */
export interface AddressBlock {
  name: string;
  first: string;
  last: string;
}

export const NON_PUBLIC_IPV4: readonly AddressBlock[] = [
  { name: 'this network 0/8', first: '0.0.0.0', last: '0.255.255.255' },
  { name: 'private 10/8', first: '10.0.0.0', last: '10.255.255.255' },
  { name: 'shared 100.64/10', first: '100.64.0.0', last: '100.127.255.255' },
  { name: 'loopback 127/8', first: '127.0.0.0', last: '127.255.255.255' },
  { name: 'link-local 169.254/16', first: '169.254.0.0', last: '169.254.255.255' },
  { name: 'private 172.16/12', first: '172.16.0.0', last: '172.31.255.255' },
  { name: 'IETF protocol assignments 192.0.0/24', first: '192.0.0.0', last: '192.0.0.255' },
  { name: 'documentation 192.0.2/24', first: '192.0.2.0', last: '192.0.2.255' },
  { name: 'AS112-v4 192.31.196/24', first: '192.31.196.0', last: '192.31.196.255' },
  { name: 'AMT 192.52.193/24', first: '192.52.193.0', last: '192.52.193.255' },
  { name: '6to4 relay 192.88.99/24', first: '192.88.99.0', last: '192.88.99.255' },
  { name: 'private 192.168/16', first: '192.168.0.0', last: '192.168.255.255' },
  { name: 'AS112 192.175.48/24', first: '192.175.48.0', last: '192.175.48.255' },
  { name: 'benchmarking 198.18/15', first: '198.18.0.0', last: '198.19.255.255' },
  { name: 'documentation 198.51.100/24', first: '198.51.100.0', last: '198.51.100.255' },
  { name: 'documentation 203.0.113/24', first: '203.0.113.0', last: '203.0.113.255' },
  { name: 'multicast 224/4', first: '224.0.0.0', last: '239.255.255.255' },
  { name: 'reserved 240/4 and broadcast', first: '240.0.0.0', last: '255.255.255.255' },
];

const ONES = 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff';

export const NON_PUBLIC_IPV6: readonly AddressBlock[] = [
  // ::/96 holds ::, ::1 and the deprecated IPv4-compatible form: none of it is a route.
  { name: 'IPv4-compatible ::/96', first: '::', last: '::ffff:ffff' },
  {
    name: 'IPv4-mapped ::ffff:0:0/96, non-public IPv4 half',
    first: '::ffff:0.0.0.0',
    last: '::ffff:0.255.255.255',
  },
  {
    name: 'local-use NAT64 64:ff9b:1::/48',
    first: '64:ff9b:1::',
    last: '64:ff9b:1:ffff:ffff:ffff:ffff:ffff',
  },
  {
    name: 'discard-only and the rest of 0100::/8 to 1fff::',
    first: '100::',
    last: `1fff:${ONES.slice(5)}`,
  },
  {
    name: 'IETF protocol assignments 2001::/23 outside Teredo',
    first: '2001:1::',
    last: `2001:1ff:${ONES.slice(10)}`,
  },
  {
    name: 'benchmarking 2001:2::/48',
    first: '2001:2::',
    last: '2001:2:0:ffff:ffff:ffff:ffff:ffff',
  },
  { name: 'documentation 2001:db8::/32', first: '2001:db8::', last: `2001:db8:${ONES.slice(10)}` },
  {
    name: 'AS112 2620:4f:8000::/48',
    first: '2620:4f:8000::',
    last: '2620:4f:8000:ffff:ffff:ffff:ffff:ffff',
  },
  { name: 'documentation 3fff::/20', first: '3fff::', last: `3fff:fff:${ONES.slice(10)}` },
  {
    name: 'outside global unicast 4000::/2 (SRv6 5f00::/16 among it)',
    first: '4000::',
    last: `7fff:${ONES.slice(5)}`,
  },
  {
    name: 'outside global unicast 8000::/1 (ULA, link-local, site-local, multicast)',
    first: '8000::',
    last: ONES,
  },
];

/** Public addresses that must stay reachable in every notation. */
export const PUBLIC_IPV4_SAMPLES = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '172.32.0.1',
  '100.128.0.1',
  '11.0.0.1',
];
export const PUBLIC_IPV6_SAMPLES = [
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '2a00:1450:4001:80b::200e',
  '2600::1',
];

const ipv4ToNumber = (text: string): number =>
  text.split('.').reduce((value, part) => value * 256 + Number(part), 0);
const numberToIpv4 = (value: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');

/** The 8 groups of an IPv6 address in any valid text form (a dotted IPv4 tail included). */
function ipv6Groups(text: string): number[] {
  let body = text;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted?.[1]) {
    const value = ipv4ToNumber(dotted[1]);
    body = `${body.slice(0, -dotted[1].length)}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  const [head = '', tail] = body.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => parseInt(group, 16));
  const start = parse(head);
  const end = tail === undefined ? [] : parse(tail);
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
}

const groupsToBigInt = (groups: number[]): bigint =>
  groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
const bigIntToGroups = (value: bigint): number[] =>
  Array.from({ length: 8 }, (_, index) => Number((value >> BigInt(16 * (7 - index))) & 0xffffn));

export const randomIpv4In = (block: AddressBlock) =>
  fc.integer({ min: ipv4ToNumber(block.first), max: ipv4ToNumber(block.last) }).map(numberToIpv4);

export const randomIpv6In = (block: AddressBlock) =>
  fc
    .bigInt({
      min: groupsToBigInt(ipv6Groups(block.first)),
      max: groupsToBigInt(ipv6Groups(block.last)),
    })
    .map((value) =>
      bigIntToGroups(value)
        .map((group) => group.toString(16))
        .join(':'),
    );

/** Every way a URL's host may write an IPv4 address (WHATWG URL's IPv4 parser reads them all). */
export function ipv4Notations(address: string): string[] {
  const parts = address.split('.').map(Number) as [number, number, number, number];
  const value = ipv4ToNumber(address);
  const [a, b, c, d] = parts;
  return [
    address,
    `${address}.`,
    String(value),
    `0x${value.toString(16)}`,
    `0X${value.toString(16).toUpperCase()}`,
    `0${value.toString(8)}`,
    parts.map((part) => `0x${part.toString(16)}`).join('.'),
    parts.map((part) => `0${part.toString(8)}`).join('.'),
    `${a}.${b}.${c * 256 + d}`,
    `${a}.${b * 65536 + c * 256 + d}`,
    `0x${a.toString(16)}.${b}.0${c.toString(8)}.${d}`,
    [...address].map((char) => `%${char.charCodeAt(0).toString(16)}`).join(''),
  ];
}

/** Every way a URL's host may write an IPv6 address, brackets included. */
export function ipv6Notations(address: string): string[] {
  const groups = ipv6Groups(address);
  const hex = groups.map((group) => group.toString(16));
  const padded = groups.map((group) => group.toString(16).padStart(4, '0'));
  const low = groups[6] ?? 0;
  const lowest = groups[7] ?? 0;
  const dottedTail = `${hex.slice(0, 6).join(':')}:${numberToIpv4(low * 65536 + lowest)}`;
  return [
    hex.join(':'),
    padded.join(':'),
    padded.join(':').toUpperCase(),
    compress(hex),
    dottedTail,
    address,
  ].map((text) => `[${text}]`);
}

/** The longest run of zero groups written as `::` (RFC 5952 §4.2). */
function compress(hex: string[]): string {
  let best = { start: -1, length: 0 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && hex[start + length] === '0') length++;
    if (length > best.length) best = { start, length };
  }
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

const hexPair = (address: string, invert = false): string => {
  const value = ipv4ToNumber(address);
  const word = invert ? 0xffffffff - value : value;
  return `${Math.floor(word / 65536).toString(16)}:${(word % 65536).toString(16)}`;
};

/** The IPv6 forms that carry an IPv4 address; `routes`: a public IPv4 inside makes it public. */
export const IPV4_FORMS_IN_IPV6: readonly {
  name: string;
  embed: (ipv4: string) => string;
  routes: boolean;
}[] = [
  { name: 'IPv4-mapped', embed: (ipv4) => `::ffff:${ipv4}`, routes: true },
  { name: 'IPv4-translated', embed: (ipv4) => `::ffff:0:${ipv4}`, routes: true },
  { name: 'IPv4-compatible', embed: (ipv4) => `::${ipv4}`, routes: false },
  { name: 'NAT64 well-known prefix', embed: (ipv4) => `64:ff9b::${ipv4}`, routes: true },
  { name: '6to4', embed: (ipv4) => `2002:${hexPair(ipv4)}::1`, routes: true },
  {
    name: 'Teredo server',
    embed: (ipv4) => `2001:0:${hexPair(ipv4)}:8000:63bf:f7f7:f7f7`,
    routes: true,
  },
  {
    name: 'Teredo client',
    embed: (ipv4) => `2001:0:4136:e378:8000:63bf:${hexPair(ipv4, true)}`,
    routes: true,
  },
];

/** The host as `new URL` normalises it, which is what the proxy's policy receives. */
export const urlHostname = (host: string): string => new URL(`https://${host}/token`).hostname;
