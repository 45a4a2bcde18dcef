import { hostname } from 'node:os';
import fc from 'fast-check';

/**
 * What a fuzzed request may hold, by label; the first entry of each table is the plausible one. The values are built at run time (they need the real
 * ports and the proxy token); the generator picks labels, so a failure is reported by its labels
 * and never prints the proxy token.
 */
export interface FuzzValues {
  hosts: Record<string, string | undefined>;
  origins: Record<string, string | undefined>;
  tokens: Record<string, string | undefined>;
  targets: Record<string, string | undefined>;
  authorizations: Record<string, string | undefined>;
}

export function fuzzValues(options: {
  port: number;
  proxyToken: string;
  demoTokenEndpoint: string;
  demoAuthorization: string;
  stubPort: number;
  closedPort: number;
}): FuzzValues {
  const { port, proxyToken, stubPort, closedPort } = options;
  const self = `127.0.0.1:${port}`;
  return {
    hosts: {
      own: self,
      localhost: `localhost:${port}`,
      foreign: `evil.example:${port}`,
      trailingDot: `127.0.0.1:${port}.`,
      ipv6Loopback: `[::1]:${port}`,
      noPort: '127.0.0.1',
      empty: '',
      spaces: 'a b c',
      huge: `${'h'.repeat(4000)}.example`,
      absent: undefined,
    },
    origins: {
      absent: undefined,
      own: `http://${self}`,
      foreign: 'https://attacker.example',
      null: 'null',
      garbage: '::::',
    },
    tokens: {
      valid: proxyToken,
      absent: undefined,
      wrong: 'A'.repeat(proxyToken.length),
      empty: '',
      prefix: proxyToken.slice(0, 10),
      huge: 'x'.repeat(12_000),
    },
    targets: {
      demoToken: options.demoTokenEndpoint,
      absent: undefined,
      demoDiscovery: `http://${self}/demo/.well-known/openid-configuration`,
      stubToken: `http://127.0.0.1:${stubPort}/token`,
      stubRedirect: `http://127.0.0.1:${stubPort}/redirect-metadata`,
      stubBig: `http://127.0.0.1:${stubPort}/big-chunked`,
      stubMissing: `http://127.0.0.1:${stubPort}/nothing-here`,
      refused: `http://127.0.0.1:${closedPort}/token`,
      selfApi: `http://${self}/api/proxy`,
      selfSession: `http://${self}/api/session`,
      metadata: 'http://169.254.169.254/latest/meta-data/',
      privateAddress: 'http://10.0.0.1/token',
      ipv6Loopback: 'http://[::1]/token',
      mappedLoopback: 'https://[::ffff:127.0.0.1]/token',
      // IPv4 inside IPv6 as the URL parser rewrites it ([::127.0.0.1] becomes [::7f00:1]); at the
      // closed port, so a policy that let it through would connect to nothing.
      compatibleLoopback: `https://[::127.0.0.1]:${closedPort}/token`,
      mappedLoopbackHex: `https://[::ffff:7f00:1]:${closedPort}/token`,
      loopbackInteger: `https://2130706433:${closedPort}/token`,
      machineName: `https://${hostname()}:${closedPort}/token`,
      unresolvable: 'https://fuzz.invalid/token',
      file: 'file:///etc/passwd',
      javascript: 'javascript:alert(1)',
      userinfo: 'https://user:pass@example.com/token',
      notUrl: 'not a url',
      relative: '/demo/token',
      huge: `https://example.com/${'p'.repeat(3000)}`,
      empty: '',
    },
    authorizations: {
      demoBasic: options.demoAuthorization,
      absent: undefined,
      wrongBasic: `Basic ${Buffer.from('nobody:nothing').toString('base64')}`,
      notBase64: 'Basic %%%%',
      bearer: 'Bearer abc.def.ghi',
      huge: `Basic ${'Q'.repeat(9000)}`,
    },
  };
}

/** Picks one value, more often the heavier ones: most requests should be plausible enough to reach the handlers. */
function weighted<T>(...entries: [T, number][]): fc.Arbitrary<T> {
  return fc.oneof(...entries.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));
}

/**
 * The first entry of a list is the plausible one and comes up three times in four: with a dozen
 * fields each drawn this way, enough requests get past every check to reach the upstream call,
 * the body limits and the demo server.
 */
function plausibleFirst<T>(entries: readonly T[]): fc.Arbitrary<T> {
  const [first, ...rest] = entries;
  return fc.oneof(
    { arbitrary: fc.constant(first as T), weight: 3 },
    { arbitrary: fc.constantFrom(...rest), weight: 1 },
  );
}

const labelOf = (table: Record<string, unknown>) => plausibleFirst(Object.keys(table));

const METHODS = weighted<string>(
  ['GET', 6],
  ['POST', 6],
  ['HEAD', 1],
  ['PUT', 1],
  ['DELETE', 1],
  ['OPTIONS', 1],
  ['PATCH', 1],
  ['TRACE', 1],
  ['FOO', 1],
);
/** The three routes that matter most first, then the rest. */
const PATHS = [
  '/api/proxy',
  '/demo/token',
  '/demo/.well-known/openid-configuration',
  '/',
  '/index.html',
  '/api/session',
  '/api/proxy',
  '/api/proxy?target=x',
  '/api/',
  '/api',
  '/api/nothing',
  '/api/proxy/',
  '/api/session/../proxy',
  '/demo',
  '/demo/',
  '/demo/token',
  '/demo/jwks',
  '/demo/.well-known/openid-configuration',
  '/demo/nothing',
  '/demo/%00',
  '/assets/none.js',
  '/%2e%2e/%2e%2e/etc/passwd',
  '//api/proxy',
  '/%ZZ',
  '*',
  `/${'a'.repeat(9000)}`,
];
const CONTENT_TYPES: (string | undefined)[] = [
  'application/x-www-form-urlencoded',
  undefined,
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=x',
  'text/html',
  ';;;',
  `application/json; ${'x'.repeat(5000)}`,
];
const SITES: (string | undefined)[] = [undefined, 'same-origin', 'cross-site', 'none', '??'];
const FRAMINGS = ['content-length', 'chunked', 'truncated-length', 'truncated-chunked'] as const;

export interface FuzzRequest {
  kind: 'request';
  method: string;
  path: string;
  host: string;
  origin: string;
  site: string | undefined;
  token: string;
  target: string;
  authorization: string;
  contentType: string | undefined;
  extraHeader: [string, string] | undefined;
  body: 'none' | 'form' | 'binary' | 'overLimit' | 'wayOverLimit';
  binary: Uint8Array;
  framing: (typeof FRAMINGS)[number];
  /** A byte of the rendered request replaced (position as a fraction, new byte), or none. */
  mutation: [number, number] | undefined;
}

export interface FuzzMalformed {
  kind: 'malformed';
  template: number;
  noise: Uint8Array;
}

export type FuzzCase = FuzzRequest | FuzzMalformed;

function requestArbitrary(values: FuzzValues): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    kind: fc.constant('request' as const),
    method: METHODS,
    path: fc.oneof(
      { arbitrary: fc.constantFrom(...PATHS.slice(0, 3)), weight: 3 },
      { arbitrary: fc.constantFrom(...PATHS.slice(3)), weight: 2 },
    ),
    host: labelOf(values.hosts),
    origin: labelOf(values.origins),
    site: plausibleFirst(SITES),
    token: labelOf(values.tokens),
    target: labelOf(values.targets),
    authorization: labelOf(values.authorizations),
    contentType: plausibleFirst(CONTENT_TYPES),
    extraHeader: fc.option(
      fc.tuple(
        fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
        fc.oneof(
          {
            arbitrary: fc.string({ maxLength: 40 }).map((text) => text.replace(/[\r\n]/g, ' ')),
            weight: 9,
          },
          { arbitrary: fc.constant('v'.repeat(20_000)), weight: 1 },
        ),
      ),
      { nil: undefined },
    ),
    body: fc.constantFrom('none', 'form', 'binary', 'overLimit', 'wayOverLimit'),
    binary: fc.uint8Array({ maxLength: 2048 }),
    framing: fc.constantFrom(...FRAMINGS),
    // One request in eight has one byte replaced somewhere (request line, headers or body).
    mutation: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 7 },
      {
        arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(255)),
        weight: 1,
      },
    ),
  });
}

/** Raw HTTP no client library sends: each ends so that the server can decide (no endless wait). */
function malformedTemplates(port: number): ((noise: Buffer) => Buffer | string)[] {
  const host = `Host: 127.0.0.1:${port}\r\n`;
  return [
    (noise) => Buffer.concat([noise, Buffer.from('\r\n\r\n')]),
    () => 'GET / HTTP/9.9\r\n\r\n',
    () => 'GET /\r\n\r\n',
    () => `GET / HTTP/1.1\r\n${host}NoColonHere\r\n\r\n`,
    () => `GET / HTTP/1.1\r\n${host}X-Nul: a\0b\r\n\r\n`,
    () => `GET / HTTP/1.1\n${host.replace('\r', '')}\n`,
    () => `GET / HTTP/1.1\r\n${host}X-Folded: a\r\n  b\r\n\r\n`,
    () =>
      `POST /api/proxy HTTP/1.1\r\n${host}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    () => `POST /api/proxy HTTP/1.1\r\n${host}Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef`,
    () => `POST /api/proxy HTTP/1.1\r\n${host}Content-Length: -1\r\n\r\n`,
    () => `POST /api/proxy HTTP/1.1\r\n${host}Content-Length: 1e3\r\n\r\n`,
    () =>
      `POST /api/proxy HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`,
    () =>
      `POST /api/proxy HTTP/1.1\r\n${host}Transfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n`,
    () => `POST /api/proxy HTTP/1.1\r\n${host}Transfer-Encoding: identity\r\n\r\n`,
    () => `GET / HTTP/1.1\r\n${host}X-Long: ${'l'.repeat(70_000)}\r\n\r\n`,
    () => `GET /${'%'.repeat(3)} HTTP/1.1\r\n${host}\r\n`,
    () => `G\x00T / HTTP/1.1\r\n${host}\r\n`,
    () => `CONNECT 127.0.0.1:${port} HTTP/1.1\r\n${host}\r\n`,
    () => `GET / HTTP/1.1\r\n${host}Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    () => `GET /api/session HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\n\r\n`,
    () => `GET http://evil.example/api/session HTTP/1.1\r\n${host}\r\n`,
    () => `PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n`,
  ];
}

export function fuzzCaseArbitrary(values: FuzzValues, port: number): fc.Arbitrary<FuzzCase> {
  const templates = malformedTemplates(port).length;
  return fc.oneof(
    { arbitrary: requestArbitrary(values), weight: 5 },
    {
      arbitrary: fc.record({
        kind: fc.constant('malformed' as const),
        template: fc.nat(templates - 1),
        noise: fc.uint8Array({ maxLength: 300 }),
      }),
      weight: 1,
    },
  );
}

export interface RenderedCase {
  bytes: Buffer;
  /** The client goes away this soon after writing (a truncated request), instead of waiting. */
  abortAfterMs: number | undefined;
  /** Labels only: safe to print. */
  description: string;
}

const BODIES = {
  none: 0,
  form: -1,
  binary: -2,
  overLimit: 16 * 1024 + 1,
  wayOverLimit: 40 * 1024,
} as const;

export function renderCase(fuzzCase: FuzzCase, values: FuzzValues, port: number): RenderedCase {
  if (fuzzCase.kind === 'malformed') {
    const template = malformedTemplates(port)[fuzzCase.template];
    const bytes = template ? template(Buffer.from(fuzzCase.noise)) : '';
    return {
      bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'latin1'),
      abortAfterMs: undefined,
      description: `malformed template #${fuzzCase.template}`,
    };
  }
  const headerLines: string[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) headerLines.push(`${name}: ${value}`);
  };
  add('Host', values.hosts[fuzzCase.host]);
  add('Origin', values.origins[fuzzCase.origin]);
  add('Sec-Fetch-Site', fuzzCase.site);
  add('X-Proxy-Token', values.tokens[fuzzCase.token]);
  add('X-Proxy-Target', values.targets[fuzzCase.target]);
  add('Authorization', values.authorizations[fuzzCase.authorization]);
  add('Content-Type', fuzzCase.contentType);
  if (fuzzCase.extraHeader) add(fuzzCase.extraHeader[0], fuzzCase.extraHeader[1]);
  headerLines.push('Connection: close');

  const size = BODIES[fuzzCase.body];
  const body =
    size === -1
      ? Buffer.from('grant_type=client_credentials&scope=customScope')
      : size === -2
        ? Buffer.from(fuzzCase.binary)
        : Buffer.alloc(size, 0x61);
  const truncated = fuzzCase.framing.startsWith('truncated');
  let payload = Buffer.alloc(0);
  if (fuzzCase.body !== 'none') {
    const sent = truncated ? body.subarray(0, Math.floor(body.length / 2)) : body;
    if (fuzzCase.framing.endsWith('chunked')) {
      headerLines.push('Transfer-Encoding: chunked');
      const parts: Buffer[] = [];
      for (let offset = 0; offset < sent.length; offset += 4096) {
        const chunk = sent.subarray(offset, offset + 4096);
        parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
      }
      if (!truncated) parts.push(Buffer.from('0\r\n\r\n'));
      payload = Buffer.concat(parts);
    } else {
      headerLines.push(`Content-Length: ${body.length}`);
      payload = sent;
    }
  }
  let bytes = Buffer.concat([
    Buffer.from(
      `${fuzzCase.method} ${fuzzCase.path} HTTP/1.1\r\n${headerLines.join('\r\n')}\r\n\r\n`,
      'latin1',
    ),
    payload,
  ]);
  if (fuzzCase.mutation) {
    bytes = Buffer.from(bytes);
    const position = Math.min(bytes.length - 1, Math.floor(fuzzCase.mutation[0] * bytes.length));
    bytes[position] = fuzzCase.mutation[1];
  }
  const labels = {
    method: fuzzCase.method,
    path:
      fuzzCase.path.length > 60
        ? `${fuzzCase.path.slice(0, 20)}… (${fuzzCase.path.length})`
        : fuzzCase.path,
    host: fuzzCase.host,
    origin: fuzzCase.origin,
    site: fuzzCase.site,
    token: fuzzCase.token,
    target: fuzzCase.target,
    authorization: fuzzCase.authorization,
    contentType: fuzzCase.contentType?.slice(0, 40),
    extraHeader: fuzzCase.extraHeader?.[0],
    body: fuzzCase.body,
    framing: fuzzCase.framing,
  };
  const mutation = fuzzCase.mutation;
  return {
    bytes,
    abortAfterMs: truncated && fuzzCase.body !== 'none' ? 50 : undefined,
    description: `${JSON.stringify(labels)}${
      mutation ? ` with byte ${mutation[1]} at ${mutation[0].toFixed(3)} of the request` : ''
    }`,
  };
}
