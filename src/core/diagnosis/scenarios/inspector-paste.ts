import type { NotATokenReason, TokenWrapper } from '../../token/read-pasted-token.ts';

/**
 * One thing a person pastes into Inspect a token, and the truth about it, written out by hand:
 * the token an API would receive and what was around it, or why there is no token.
 */
export type InspectorPasteScenario = {
  readonly name: string;
  readonly pasted: string;
} & (
  | {
      readonly truth: 'token';
      readonly token: string;
      readonly removed: readonly TokenWrapper['kind'][];
    }
  | { readonly truth: 'not-a-token'; readonly reason: NotATokenReason['kind'] }
);

// A JWT (header {"alg":"RS256","kid":"k1"}, payload {"sub":"0oa4xqz9kfTbN2cWd5d7"}, a made-up
// signature) and RFC 6749 §4.4.3's example opaque token.
const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiIwb2E0eHF6OWtmVGJOMmNXZDVkNyJ9.c2lnbmF0dXJl';
const OPAQUE = '2YotnFZFEjr1zCsicMWpAA';

export const INSPECTOR_PASTE_SCENARIOS: readonly InspectorPasteScenario[] = [
  { name: 'a bare JWT', pasted: JWT, truth: 'token', token: JWT, removed: [] },
  {
    name: 'a whole Authorization: Bearer line',
    pasted: `Authorization: Bearer ${JWT}`,
    truth: 'token',
    token: JWT,
    removed: ['header-name', 'scheme'],
  },
  {
    name: 'Bearer and an opaque token, with spaces around',
    pasted: `  Bearer ${OPAQUE} `,
    truth: 'token',
    token: OPAQUE,
    removed: ['scheme'],
  },
  {
    name: 'a quoted token from a JSON file or a shell variable',
    pasted: `"${JWT}"`,
    truth: 'token',
    token: JWT,
    removed: ['quotes'],
  },
  {
    name: 'a curl -H argument',
    pasted: `-H 'Authorization: Bearer ${JWT}'`,
    truth: 'token',
    token: JWT,
    removed: ['command-option', 'quotes', 'header-name', 'scheme'],
  },
  {
    name: 'a whole curl command calling an API',
    pasted: `curl -sS https://api.example/reports \\\n  -H "Authorization: Bearer ${OPAQUE}"`,
    truth: 'token',
    token: OPAQUE,
    removed: ['curl-command', 'header-name', 'scheme'],
  },
  {
    name: 'the token response pasted whole (RFC 6749 §5.1)',
    pasted: `{\n  "token_type": "Bearer",\n  "expires_in": 3600,\n  "access_token": "${JWT}",\n  "scope": "customScope"\n}`,
    truth: 'token',
    token: JWT,
    removed: ['token-response'],
  },
  {
    name: 'a DPoP Authorization line (RFC 9449)',
    pasted: `Authorization: DPoP ${JWT}`,
    truth: 'token',
    token: JWT,
    removed: ['header-name', 'scheme'],
  },
  {
    name: 'words with spaces',
    pasted: 'not a token at all',
    truth: 'not-a-token',
    reason: 'white-space',
  },
  {
    name: 'a JWT a terminal wrapped over two lines',
    pasted: `${JWT.slice(0, 40)}\n${JWT.slice(40)}`,
    truth: 'not-a-token',
    reason: 'white-space',
  },
  {
    name: 'an error answer pasted instead of a token response',
    pasted: '{"error":"invalid_client","error_description":"Client authentication failed."}',
    truth: 'not-a-token',
    reason: 'error-response',
  },
  {
    name: 'a Basic client credentials header',
    pasted: 'Authorization: Basic MG9hNHhxejlrZlRiTjJjV2Q1ZDc6c2VjcmV0',
    truth: 'not-a-token',
    reason: 'basic-credentials',
  },
  {
    name: 'a header line with the token missing',
    pasted: 'Authorization: Bearer ',
    truth: 'not-a-token',
    reason: 'nothing-after-wrappers',
  },
  {
    name: 'a URL with the token in its query (RFC 6750 §2.3)',
    pasted: `https://api.example/reports?access_token=${OPAQUE}`,
    truth: 'token',
    token: OPAQUE,
    removed: ['url-parameter'],
  },
  {
    name: 'a URL without a token',
    pasted: 'https://api.example/reports?page=2',
    truth: 'not-a-token',
    reason: 'invalid-characters',
  },
];
