/**
 * What kind of network an IP address belongs to, for the proxy's "public addresses only" rule.
 * Pure (no `node:net`), so the Node guard and the fetch-handler runtime share one truth.
 *
 * Ranges: IANA IPv4 / IPv6 Special-Purpose Address Registries (RFC 6890 and successors).
 */
export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

/** Human words for each kind, for refusal messages. */
export const addressKindLabel: Readonly<Record<AddressKind, string>> = {
  public: 'public',
  unspecified: 'unspecified',
  loopback: 'loopback',
  private: 'private (RFC 1918)',
  shared: 'carrier-grade NAT (RFC 6598)',
  'link-local': 'link-local',
  'unique-local': 'unique local (RFC 4193)',
  'site-local': 'site-local (deprecated)',
  multicast: 'multicast',
  broadcast: 'broadcast',
  documentation: 'documentation-only',
  benchmarking: 'benchmarking',
  reserved: 'reserved',
};

interface Range {
  base: bigint;
  prefix: number;
  kind: AddressKind | 'embedded-ipv4';
}

function v4(cidr: string, kind: AddressKind): Range {
  const [address = '', prefix = '32'] = cidr.split('/');
  const value = parseIpv4(address);
  if (value === undefined) throw new Error(`bad range ${cidr}`);
  return { base: value, prefix: Number(prefix), kind };
}

function v6(cidr: string, kind: Range['kind']): Range {
  const [address = '', prefix = '128'] = cidr.split('/');
  const value = parseIpv6(address);
  if (value === undefined) throw new Error(`bad range ${cidr}`);
  return { base: value, prefix: Number(prefix), kind };
}

const IPV4_RANGES: readonly Range[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'benchmarking'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('255.255.255.255/32', 'broadcast'),
  v4('240.0.0.0/4', 'reserved'),
];

/** Ranges whose last 32 bits are an IPv4 address that decides the kind. */
const IPV6_RANGES: readonly Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('::ffff:0:0/96', 'embedded-ipv4'), // IPv4-mapped
  v6('64:ff9b::/96', 'embedded-ipv4'), // NAT64 well-known prefix
  v6('64:ff9b:1::/48', 'reserved'), // local-use NAT64
  v6('::/96', 'reserved'), // IPv4-compatible, deprecated
  v6('100::/64', 'reserved'), // discard-only
  v6('2001::/32', 'reserved'), // Teredo
  v6('2001:db8::/32', 'documentation'),
  v6('2002::/16', 'embedded-ipv4'), // 6to4: the IPv4 address is in bits 16..47, handled below
  v6('fc00::/7', 'unique-local'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'site-local'),
  v6('ff00::/8', 'multicast'),
];

/** Parses strict dotted-quad IPv4 (`a.b.c.d`, each 0-255, no leading zeros) to a number. */
export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

/**
 * Parses IPv6 text (RFC 4291 §2.2: `::` compression, trailing dotted IPv4; RFC 4007 `%zone`
 * ignored) to a 128-bit number. Accepts the brackets of a URL host (`[::1]`).
 */
export function parseIpv6(text: string): bigint | undefined {
  let address = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = address.indexOf('%');
  if (zone !== -1) address = address.slice(0, zone);
  if (!address.includes(':')) return undefined;

  const groups: number[] = [];
  const halves = address.split('::');
  if (halves.length > 2) return undefined;

  const parseHalf = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] ?? '';
      if (i === pieces.length - 1 && piece.includes('.')) {
        const ipv4 = parseIpv4(piece);
        if (ipv4 === undefined) return undefined;
        out.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };

  const head = parseHalf(halves[0] ?? '');
  const tail = halves.length === 2 ? parseHalf(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups.push(...head, ...new Array<number>(missing).fill(0), ...tail);
  } else {
    groups.push(...head);
  }
  if (groups.length !== 8) return undefined;
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function inRange(value: bigint, bits: number, range: Range): boolean {
  const shift = BigInt(bits - range.prefix);
  return value >> shift === range.base >> shift;
}

function classifyIpv4Value(value: bigint): AddressKind {
  for (const range of IPV4_RANGES) {
    if (inRange(value, 32, range) && range.kind !== 'embedded-ipv4') return range.kind;
  }
  return 'public';
}

/** True for an IPv4 or IPv6 literal (URL-bracketed IPv6 included). */
export function isIpAddress(text: string): boolean {
  return parseIpv4(text) !== undefined || parseIpv6(text) !== undefined;
}

/**
 * The kind of an IP literal, or undefined when the text is not one (a host name).
 *
 * IPv6 forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
 * `2002::/16`) take the kind of that IPv4 address, so `::ffff:127.0.0.1` is loopback.
 *
 * Does NOT resolve names: `localhost` returns undefined here and is judged by what it resolves to.
 */
export function classifyIpAddress(text: string): AddressKind | undefined {
  const ipv4 = parseIpv4(text);
  if (ipv4 !== undefined) return classifyIpv4Value(ipv4);
  const ipv6 = parseIpv6(text);
  if (ipv6 === undefined) return undefined;
  for (const range of IPV6_RANGES) {
    if (!inRange(ipv6, 128, range)) continue;
    if (range.kind !== 'embedded-ipv4') return range.kind;
    const embedded = range.prefix === 16 ? (ipv6 >> 80n) & 0xffffffffn : ipv6 & 0xffffffffn;
    return classifyIpv4Value(embedded);
  }
  return 'public';
}
