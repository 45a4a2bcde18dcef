import ipaddr from 'ipaddr.js';

/**
 * What kind of network an IP address belongs to, for the proxy's "public addresses only" rule.
 *
 * The rule is an allowlist: `public` is given only to an address known to be globally reachable
 * unicast, and every other address, including a form nobody listed, is refused.
 * - IPv4: any address outside the blocks of the IANA IPv4 Special-Purpose Address Registry
 *   (RFC 6890 and successors), multicast and the reserved 240/4.
 * - IPv6: only global unicast `2000::/3` (RFC 4291 §2.4), minus every block of the IANA IPv6
 *   Special-Purpose Address Registry inside it. Everything outside `2000::/3` is refused.
 * - Forms that carry an IPv4 address (IPv4-mapped, IPv4-translated, IPv4-compatible `::/96`, NAT64
 *   `64:ff9b::/96`, 6to4 `2002::/16`, Teredo `2001::/32`) are judged by the IPv4 addresses inside
 *   them, whatever notation the URL parser wrote them in (`[::169.254.169.254]` arrives as
 *   `[::a9fe:a9fe]`): the judgement is on the 128 bits, never on the text.
 *
 * `ipaddr.js` only parses; the tables are ours, written from the registries, so what passes is
 * visible here (see docs/decisions/024-address-allowlist.md). Pure JavaScript: the Node host's DNS
 * pinning and a fetch runtime's literal check share this one classification.
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
  | 'special-purpose'
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
  'special-purpose': 'special-purpose (IANA registry)',
  reserved: 'reserved',
};

type Block<Address> = readonly [range: [Address, number], kind: AddressKind];

const v4 = (cidr: string, kind: AddressKind): Block<ipaddr.IPv4> => [
  ipaddr.IPv4.parseCIDR(cidr),
  kind,
];
const v6 = (cidr: string, kind: AddressKind): Block<ipaddr.IPv6> => [
  ipaddr.IPv6.parseCIDR(cidr),
  kind,
];

/**
 * The IANA IPv4 Special-Purpose Address Registry, plus multicast (RFC 5771) and 240/4 (RFC 1112
 * §4). First match wins: the narrower block comes first. An address in none of them is public.
 */
const IPV4_BLOCKS: readonly Block<ipaddr.IPv4>[] = [
  v4('0.0.0.0/8', 'unspecified'), // "this network" (RFC 791 §3.2)
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'), // cloud metadata lives here
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'special-purpose'), // IETF protocol assignments (RFC 6890 §2.1)
  v4('192.0.2.0/24', 'documentation'),
  v4('192.31.196.0/24', 'special-purpose'), // AS112-v4 (RFC 7535)
  v4('192.52.193.0/24', 'special-purpose'), // AMT (RFC 7450)
  v4('192.88.99.0/24', 'special-purpose'), // deprecated 6to4 relay anycast (RFC 7526)
  v4('192.168.0.0/16', 'private'),
  v4('192.175.48.0/24', 'special-purpose'), // direct delegation AS112 (RFC 7534)
  v4('198.18.0.0/15', 'benchmarking'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('255.255.255.255/32', 'broadcast'),
  v4('240.0.0.0/4', 'reserved'),
];

/** `::` and `::1`, which sit inside `::/96`: named before any embedded IPv4 address is read. */
const IPV6_UNSPECIFIED_AND_LOOPBACK: readonly Block<ipaddr.IPv6>[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
];

/** Where each IPv4-carrying form keeps its IPv4 addresses (byte offsets into the 16 bytes). */
type Embedding = {
  range: [ipaddr.IPv6, number];
  /** Byte offset of each embedded IPv4 address, and whether it is stored inverted (Teredo). */
  addresses: readonly { offset: number; inverted?: true }[];
  /** A form that is no route to its IPv4 address even when that address is public. */
  deprecated?: true;
};

const EMBEDDINGS: readonly Embedding[] = [
  // ::ffff:a.b.c.d (RFC 4291 §2.5.5.2): a dual-stack socket connects to a.b.c.d itself.
  { range: ipaddr.IPv6.parseCIDR('::ffff:0:0/96'), addresses: [{ offset: 12 }] },
  // ::ffff:0:a.b.c.d, IPv4-translated (RFC 6145 §2.1).
  { range: ipaddr.IPv6.parseCIDR('::ffff:0:0:0/96'), addresses: [{ offset: 12 }] },
  // NAT64 well-known prefix (RFC 6052 §2.1): a NAT64 gateway forwards to a.b.c.d.
  { range: ipaddr.IPv6.parseCIDR('64:ff9b::/96'), addresses: [{ offset: 12 }] },
  // 6to4 (RFC 3056 §2): 2002:AABB:CCDD::/48 is routed to AA.BB.CC.DD.
  { range: ipaddr.IPv6.parseCIDR('2002::/16'), addresses: [{ offset: 2 }] },
  // Teredo (RFC 4380 §4): the server's address, then the client's with every bit inverted.
  {
    range: ipaddr.IPv6.parseCIDR('2001::/32'),
    addresses: [{ offset: 4 }, { offset: 12, inverted: true }],
  },
  // ::a.b.c.d, IPv4-compatible (deprecated, RFC 4291 §2.5.5.1).
  { range: ipaddr.IPv6.parseCIDR('::/96'), addresses: [{ offset: 12 }], deprecated: true },
];

/**
 * IPv6 blocks that are never public, checked after the embeddings above: first match wins. The
 * IANA IPv6 Special-Purpose Address Registry's blocks inside `2000::/3` are all refused, even
 * those marked globally reachable (anycast services and identifiers no token endpoint lives at).
 */
const IPV6_BLOCKS: readonly Block<ipaddr.IPv6>[] = [
  v6('2001:2::/48', 'benchmarking'),
  v6('2001::/23', 'special-purpose'), // IETF protocol assignments (RFC 2928)
  v6('2001:db8::/32', 'documentation'),
  v6('2620:4f:8000::/48', 'special-purpose'), // direct delegation AS112 (RFC 7534)
  v6('3fff::/20', 'documentation'), // RFC 9637
  v6('fc00::/7', 'unique-local'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'site-local'),
  v6('ff00::/8', 'multicast'),
];

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

function classifyIpv4(address: ipaddr.IPv4): AddressKind {
  const block = IPV4_BLOCKS.find(([range]) => address.match(range));
  return block ? block[1] : 'public';
}

function ipv4At(bytes: number[], offset: number, inverted: boolean): ipaddr.IPv4 {
  const four = bytes.slice(offset, offset + 4);
  return new ipaddr.IPv4(inverted ? four.map((byte) => byte ^ 0xff) : four);
}

function classifyIpv6(address: ipaddr.IPv6): AddressKind {
  const exact = IPV6_UNSPECIFIED_AND_LOOPBACK.find(([range]) => address.match(range));
  if (exact) return exact[1];
  const embedding = EMBEDDINGS.find(({ range }) => address.match(range));
  if (embedding) {
    const bytes = address.toByteArray();
    for (const { offset, inverted } of embedding.addresses) {
      const kind = classifyIpv4(ipv4At(bytes, offset, inverted === true));
      if (kind !== 'public') return kind;
    }
    return embedding.deprecated ? 'reserved' : 'public';
  }
  const block = IPV6_BLOCKS.find(([range]) => address.match(range));
  if (block) return block[1];
  return address.match(GLOBAL_UNICAST) ? 'public' : 'reserved';
}

/**
 * The kind of an IP literal, or undefined when the text is not one (a host name).
 *
 * IPv4 must be a strict dotted quad (`a.b.c.d`, decimal, no leading zeros): the forms URL parsers
 * also read (`127.1`, `0x7f.0.0.1`, `0177.0.0.1`) reach this function already normalised by
 * `new URL`, and a DNS answer is always a dotted quad. IPv6 may carry URL brackets and a zone.
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
  return classifyIpv6(ipaddr.IPv6.parse(unbracketed));
}
