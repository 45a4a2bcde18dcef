import { dpopHtu } from '../dpop/htu.ts';
import { DPOP_PROOF_ACCEPTED_SECONDS, decodeDpopProof } from '../dpop/proof.ts';
import { quoteJavaScript } from './quote-javascript.ts';
import { quotePython } from './quote-python.ts';
import type { SnippetRequest, SnippetTarget } from './snippet-request.ts';

/** RFC 9449 §4.1 names the header `DPoP`; the request model writes it so. */
const DPOP_HEADER = 'dpop';

/** The proof the request carries in its `DPoP` header, if it carries one. */
export function dpopProofOf(request: SnippetRequest): string | undefined {
  return request.headers.find(([name]) => name.toLowerCase() === DPOP_HEADER)?.[1];
}

/** The request's headers without the page's proof: a program that signs its own leaves it out. */
function headersWithoutProof(request: SnippetRequest) {
  return request.headers.filter(([name]) => name.toLowerCase() !== DPOP_HEADER);
}

/**
 * The note under a snippet that carries the page's proof as a plain header: what it was signed
 * for, how long the demo server accepts it, and the nonce answer a server may give first.
 */
export function describeCarriedDpopProof(request: SnippetRequest): string | undefined {
  const proof = dpopProofOf(request);
  if (proof === undefined) return undefined;
  const decoded = decodeDpopProof(proof);
  const what =
    decoded === null
      ? 'The DPoP header carries the proof the page signed when this code was shown'
      : `The DPoP header carries a proof signed at ${new Date(decoded.claims.iat * 1000).toISOString()} for ${decoded.claims.htm} ${decoded.claims.htu}${decoded.claims.nonce === undefined ? ', without a nonce' : ", with the server's nonce"}`;
  // oidc-provider 8.8.1 (the demo server) compares iat only in a proof without a nonce; with one
  // it checks the nonce, which rotates every 60 s with five valid at once (docs/decisions/300).
  return `${what}. A server accepts a proof once (its jti) and only for a short while: most judge by iat (the demo server's library, oidc-provider, ${DPOP_PROOF_ACCEPTED_SECONDS} seconds either way; other servers their own, often shorter, window). A server may first answer 400 with error use_dpop_nonce and a DPoP-Nonce header: then a new proof carrying that nonce is needed, which this page makes on its next send. The demo server always asks for its nonce, and in a proof that carries one it checks the nonce instead of iat: a nonce it gave is accepted for 3 to 4 minutes. Copy the code again after a send, and run it once, soon.`;
}

/** The note under a program that signs its own proofs. */
export function describeSelfSignedDpop(request: SnippetRequest): string | undefined {
  if (dpopProofOf(request) === undefined) return undefined;
  return "This program makes its own ES256 key pair and signs a new DPoP proof for each request (RFC 9449 §4.2); when the server answers 400 use_dpop_nonce with a DPoP-Nonce header, it sends once more with a proof carrying that nonce (§8). The token it gets is bound to the program's key, not to this page's: calls with it need proofs from that key. With API_URL set in the environment, it then calls that URL with the token (Authorization: DPoP and a proof with ath, §7.1).";
}

/** `htu` for the request's URL (RFC 9449 §4.2); the URL itself when it cannot be normalised. */
function htuOf(request: SnippetRequest): string {
  return dpopHtu(request.url) ?? request.url;
}

/**
 * The request in Node with `jose`, as a program that makes its own key pair and a new proof per
 * request, and retries once with the server's nonce (RFC 9449 §8). Prints `<status> <body>`.
 */
export function javascriptDpop(request: SnippetRequest): string {
  const q = quoteJavaScript;
  return [
    '// Node 18+ with jose (npm install jose): save as token.mjs and run `node token.mjs`.',
    'import { createHash, randomUUID } from "node:crypto";',
    'import { SignJWT, exportJWK, generateKeyPair } from "jose";',
    '',
    '// DPoP (RFC 9449): a key pair of this program, and a new proof for every request.',
    'const { publicKey, privateKey } = await generateKeyPair("ES256");',
    'const { kty, crv, x, y } = await exportJWK(publicKey); // public members only',
    'const proof = (htm, htu, { nonce, accessToken } = {}) =>',
    '  new SignJWT({',
    '    jti: randomUUID(),',
    '    htm,',
    '    htu,',
    '    iat: Math.floor(Date.now() / 1000),',
    '    ...(nonce ? { nonce } : {}),',
    '    // ath, for a call to an API with the token: base64url(SHA-256(token)).',
    '    ...(accessToken ? { ath: createHash("sha256").update(accessToken).digest("base64url") } : {}),',
    '  })',
    '    .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: { kty, crv, x, y } })',
    '    .sign(privateKey);',
    '',
    `const url = ${q(request.url)};`,
    'const send = async (nonce) =>',
    '  fetch(url, {',
    `    method: ${q(request.method)},`,
    '    headers: {',
    ...headersWithoutProof(request).map(([name, value]) => `      ${q(name)}: ${q(value)},`),
    `      DPoP: await proof(${q(request.method)}, ${q(htuOf(request))}, { nonce }),`,
    '    },',
    `    body: ${q(request.body)},`,
    '  });',
    '',
    'let response = await send();',
    'let text = await response.text();',
    '// The server asks for a nonce: 400 use_dpop_nonce with a DPoP-Nonce header. One retry carries it.',
    'const nonce = response.headers.get("dpop-nonce");',
    'if (response.status === 400 && nonce && text.includes("use_dpop_nonce")) {',
    '  response = await send(nonce);',
    '  text = await response.text();',
    '}',
    'console.log(response.status, text);',
    '',
    '// Then, with API_URL set, one call to the API: Authorization: DPoP and a proof with ath (RFC 9449 §7.1).',
    'const apiUrl = process.env.API_URL;',
    'if (response.ok && apiUrl) {',
    '  const { access_token: accessToken } = JSON.parse(text);',
    '  const { origin, pathname } = new URL(apiUrl); // htu: without query and fragment',
    '  const api = await fetch(apiUrl, {',
    '    headers: {',
    '      Authorization: `DPoP ${accessToken}`,',
    '      DPoP: await proof("GET", origin + pathname, { accessToken }),',
    '    },',
    '  });',
    '  console.log(api.status, await api.text());',
    '}',
  ].join('\n');
}

/** The API call in each library, after the token: prints `<status> <body>` again. */
const PYTHON_API_CALL: Readonly<Record<'urllib' | 'requests', readonly string[]>> = {
  urllib: [
    '    api = urllib.request.Request(api_url, headers={',
    '        "Authorization": "DPoP " + access_token,',
    '        "DPoP": proof("GET", htu, access_token=access_token),',
    '    })',
    '    try:',
    '        with urllib.request.urlopen(api) as response:',
    '            print(response.status, response.read().decode("utf-8"))',
    '    except urllib.error.HTTPError as error:',
    '        print(error.code, error.read().decode("utf-8"))',
  ],
  requests: [
    '    api = requests.get(api_url, headers={',
    '        "Authorization": "DPoP " + access_token,',
    '        "DPoP": proof("GET", htu, access_token=access_token),',
    '    })',
    '    print(api.status_code, api.text)',
  ],
};

/** Python's HTTP call in each library: `send(nonce)` returns status, headers and body text. */
const PYTHON_SEND: Readonly<Record<'urllib' | 'requests', (request: SnippetRequest) => string[]>> =
  {
    urllib: (request) => [
      'def send(nonce=None):',
      '    request = urllib.request.Request(',
      '        URL,',
      `        method=${quotePython(request.method)},`,
      '        headers={',
      ...pythonHeaders(request),
      '        },',
      `        data=${quotePython(request.body)}.encode("utf-8"),`,
      '    )',
      '    try:',
      '        with urllib.request.urlopen(request) as response:',
      '            return response.status, response.headers, response.read().decode("utf-8")',
      '    except urllib.error.HTTPError as error:',
      '        return error.code, error.headers, error.read().decode("utf-8")',
    ],
    requests: (request) => [
      'def send(nonce=None):',
      '    response = requests.request(',
      `        ${quotePython(request.method)},`,
      '        URL,',
      '        headers={',
      ...pythonHeaders(request),
      '        },',
      `        data=${quotePython(request.body)}.encode("utf-8"),`,
      '    )',
      '    return response.status_code, response.headers, response.text',
    ],
  };

function pythonHeaders(request: SnippetRequest): string[] {
  return [
    ...headersWithoutProof(request).map(
      ([name, value]) => `            ${quotePython(name)}: ${quotePython(value)},`,
    ),
    `            "DPoP": proof(${quotePython(request.method)}, ${quotePython(htuOf(request))}, nonce),`,
  ];
}

/**
 * The request in Python with `cryptography` for ES256 (urllib or requests for HTTP), making its own
 * key pair and a new proof per request, with the one nonce retry. Prints `<status> <body>`.
 */
export function pythonDpop(request: SnippetRequest, library: 'urllib' | 'requests'): string {
  const http =
    library === 'urllib'
      ? ['import urllib.error', 'import urllib.parse', 'import urllib.request']
      : ['import urllib.parse'];
  return [
    `# Python 3.8+ with cryptography${library === 'requests' ? ' and requests' : ''} (pip install cryptography${library === 'requests' ? ' requests' : ''}).`,
    'import base64',
    'import hashlib',
    'import json',
    'import os',
    'import time',
    ...http,
    'import uuid',
    '',
    ...(library === 'requests' ? ['import requests'] : []),
    'from cryptography.hazmat.primitives import hashes',
    'from cryptography.hazmat.primitives.asymmetric import ec',
    'from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature',
    '',
    `URL = ${quotePython(request.url)}`,
    '',
    '',
    'def b64url(data):',
    '    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")',
    '',
    '',
    '# DPoP (RFC 9449): a key pair of this program, and a new proof for every request.',
    'key = ec.generate_private_key(ec.SECP256R1())',
    'numbers = key.public_key().public_numbers()',
    'JWK = {  # public members only',
    '    "kty": "EC",',
    '    "crv": "P-256",',
    '    "x": b64url(numbers.x.to_bytes(32, "big")),',
    '    "y": b64url(numbers.y.to_bytes(32, "big")),',
    '}',
    '',
    '',
    'def proof(htm, htu, nonce=None, access_token=None):',
    '    claims = {"jti": str(uuid.uuid4()), "htm": htm, "htu": htu, "iat": int(time.time())}',
    '    if nonce:',
    '        claims["nonce"] = nonce',
    '    if access_token:  # for a call to an API with the token',
    '        claims["ath"] = b64url(hashlib.sha256(access_token.encode("ascii")).digest())',
    '    header = {"typ": "dpop+jwt", "alg": "ES256", "jwk": JWK}',
    '    signing_input = ".".join(',
    '        b64url(json.dumps(part, separators=(",", ":")).encode("utf-8")) for part in (header, claims)',
    '    )',
    '    der = key.sign(signing_input.encode("ascii"), ec.ECDSA(hashes.SHA256()))',
    '    # A JWS ES256 signature is r || s, 32 bytes each (RFC 7518 §3.4), not the DER cryptography returns.',
    '    r, s = decode_dss_signature(der)',
    '    return signing_input + "." + b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))',
    '',
    '',
    ...PYTHON_SEND[library](request),
    '',
    '',
    'status, headers, body = send()',
    '# The server asks for a nonce: 400 use_dpop_nonce with a DPoP-Nonce header. One retry carries it.',
    'nonce = headers.get("DPoP-Nonce")',
    'if status == 400 and nonce and "use_dpop_nonce" in body:',
    '    status, headers, body = send(nonce)',
    'print(status, body)',
    '',
    '# Then, with API_URL set, one call to the API: Authorization: DPoP and a proof with ath (RFC 9449 §7.1).',
    'api_url = os.environ.get("API_URL")',
    'if status == 200 and api_url:',
    '    access_token = json.loads(body)["access_token"]',
    '    parts = urllib.parse.urlsplit(api_url)  # htu: without query and fragment',
    '    htu = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))',
    ...PYTHON_API_CALL[library],
  ].join('\n');
}

/** The tabs whose programs sign their own proofs (above); every other tab carries the page's. */
const SELF_SIGNING: ReadonlySet<string> = new Set([
  'javascript-fetch',
  'python-urllib',
  'python-requests',
]);

/** `target` with the note on the carried proof after its own note, when the request has one. */
export function withCarriedDpopNote(target: SnippetTarget): SnippetTarget {
  if (SELF_SIGNING.has(target.id)) return target;
  return {
    ...target,
    describe: (request) => {
      const notes = [target.describe?.(request), describeCarriedDpopProof(request)];
      const text = notes.filter((note) => note !== undefined).join(' ');
      return text === '' ? undefined : text;
    },
  };
}
