import ipaddr from 'ipaddr.js';

/**
 * What kind of network an IP address belongs to, for the proxy's "public addresses only" rule.
 * The parsing and the IANA special-purpose ranges (RFC 6890 and successors) are `ipaddr.js`'s
 * (pure JavaScript, so the Node guard and a fetch-handler runtime share one truth); this module
 * only maps its range names onto the words of our refusal messages, failing closed on a name it
 * does not know (see docs/decisions/021-ipaddr-js.md).
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

/** ipaddr.js's IPv4 range names → our kinds. */
const IPV4_KINDS: Readonly<Record<string, AddressKind>> = {
  unicast: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'shared',
  private: 'private',
  reserved: 'reserved',
  // Globally reachable in the IANA registry: anycast services, not local networks.
  as112: 'public',
  amt: 'public',
};

/** ipaddr.js's IPv6 range names → our kinds (the embedded-IPv4 ones are handled apart). */
const IPV6_KINDS: Readonly<Record<string, AddressKind>> = {
  unicast: 'public',
  unspecified: 'unspecified',
  loopback: 'loopback',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'site-local',
  multicast: 'multicast',
  benchmarking: 'benchmarking',
  as112v6: 'public',
  amt: 'public',
};

/** Ranges ipaddr.js files under `reserved` that our messages name more precisely. */
const FINER_RANGES: Readonly<Record<string, [ipaddr.IPv4 | ipaddr.IPv6, number][]>> = {
  documentation: [
    ipaddr.parseCIDR('192.0.2.0/24'),
    ipaddr.parseCIDR('198.51.100.0/24'),
    ipaddr.parseCIDR('203.0.113.0/24'),
    ipaddr.parseCIDR('2001:db8::/32'),
    ipaddr.parseCIDR('3fff::/20'),
  ],
  benchmarking: [ipaddr.parseCIDR('198.18.0.0/15')],
};

const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * `::a.b.c.d`, the deprecated IPv4-compatible form (RFC 4291 §2.5.5.1). ipaddr.js reads it as the
 * IPv4-mapped `::ffff:a.b.c.d`; it is no route to that IPv4 address, only reserved space.
 */
const IPV4_COMPATIBLE = /^::(\d{1,3}\.){3}\d{1,3}$/;

function refine(address: ipaddr.IPv4 | ipaddr.IPv6, kind: AddressKind): AddressKind {
  if (kind !== 'reserved') return kind;
  const finer = ipaddr.subnetMatch(address, FINER_RANGES, 'reserved');
  return finer === 'documentation' || finer === 'benchmarking' ? finer : 'reserved';
}

function classifyIpv4(address: ipaddr.IPv4): AddressKind {
  return refine(address, IPV4_KINDS[address.range()] ?? 'reserved');
}

/** 32 bits of an IPv6 address, from bit `offset` (0 = the top), as an IPv4 address. */
function embeddedIpv4(address: ipaddr.IPv6, offset: number): ipaddr.IPv4 {
  const bytes = address.toByteArray().slice(offset / 8, offset / 8 + 4);
  return new ipaddr.IPv4(bytes);
}

function classifyIpv6(address: ipaddr.IPv6): AddressKind {
  const range = address.range();
  switch (range) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d (IPv4-translated)
      return classifyIpv4(embeddedIpv4(address, 96));
    case 'rfc6052': // NAT64: the well-known prefix carries an IPv4 address; local-use ones do not
      return address.match(NAT64_WELL_KNOWN) ? classifyIpv4(embeddedIpv4(address, 96)) : 'reserved';
    case '6to4': // 2002:AABB:CCDD::/48 carries AA.BB.CC.DD
      return classifyIpv4(embeddedIpv4(address, 16));
    default:
      return refine(address, IPV6_KINDS[range] ?? 'reserved');
  }
}

/** True for an IPv4 or IPv6 literal (URL-bracketed IPv6 included). */
export function isIpAddress(text: string): boolean {
  return classifyIpAddress(text) !== undefined;
}

/**
 * The kind of an IP literal, or undefined when the text is not one (a host name).
 *
 * IPv4 must be a strict dotted quad (`a.b.c.d`, decimal, no leading zeros): the forms URL parsers
 * also read (`127.1`, `0x7f.0.0.1`, `0177.0.0.1`) reach this function already normalised by
 * `new URL`, and a DNS answer is always a dotted quad. IPv6 may carry URL brackets and a zone.
 * Forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
 * `2002::/16`) take the kind of that IPv4 address, so `::ffff:127.0.0.1` is loopback.
 *
 * Does NOT resolve names: `localhost` returns undefined here and is judged by what it resolves to.
 */
export function classifyIpAddress(text: string): AddressKind | undefined {
  // Every proxied call classifies its target and its addresses: the same few strings, parsed by
  // regular expressions each time. The answer depends on the text alone, so it is remembered.
  if (known.has(text)) return known.get(text);
  if (known.size >= MAX_KNOWN) known.clear();
  const kind = classifyUncached(text);
  known.set(text, kind);
  return kind;
}

const MAX_KNOWN = 1024;
const known = new Map<string, AddressKind | undefined>();

function classifyUncached(text: string): AddressKind | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return classifyIpv4(ipaddr.IPv4.parse(text));
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!unbracketed.includes(':') || !ipaddr.IPv6.isValid(unbracketed)) return undefined;
  if (IPV4_COMPATIBLE.test(unbracketed)) return 'reserved';
  return classifyIpv6(ipaddr.IPv6.parse(unbracketed));
}
