import type { HeaderList } from '../request/token-request.ts';
import { dpopHtu } from '../dpop/htu.ts';
import { causeNoWayChanges as cause, type Cause } from './causes.ts';
import { readJwt } from '../encoding/jws.ts';
import { claimText, dpopProofOf, headerOf, isoTime, proofTimeInWords } from './dpop-evidence.ts';

/*
 * What an API's answer to a call with an access token means: its `WWW-Authenticate` challenges
 * (RFC 6750 §3 Bearer, RFC 9449 §7.1 DPoP) read against what the call carried (the token, the
 * DPoP proof, the method and URL). Words are the demo API's (server/demo-api, measured in
 * scenarios/dpop-answers.ts) and RFC 6750's / RFC 9449's error codes, which other APIs share.
 */

/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1): a scheme and its parameters. */
export interface AuthChallenge {
  /** As written (compare case-insensitively, RFC 9110 §11.1). */
  readonly scheme: string;
  /** Parameter names in lower case (RFC 9110 §11.2), values unquoted. */
  readonly params: Readonly<Record<string, string>>;
  readonly token68?: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;
const PARAM =
  /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*=[ \t]*("(?:[^"\\]|\\[\s\S])*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+)/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(,|$))/;

const unquote = (value: string) =>
  value.startsWith('"') ? value.slice(1, -1).replace(/\\([\s\S])/g, '$1') : value;

/**
 * The challenges of a `WWW-Authenticate` value (RFC 9110 §11.6.1: `challenge = auth-scheme [ 1*SP
 * ( token68 / #auth-param ) ]`, challenges and parameters both comma-separated, quoted-strings
 * with `\` escapes). Reads as far as the value is well formed and returns what it read; never throws.
 */
export function parseWwwAuthenticate(value: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let rest = value;
  const skip = (pattern: RegExp) => {
    rest = rest.replace(pattern, '');
  };
  for (;;) {
    skip(/^[ \t,]+/);
    const scheme = TOKEN.exec(rest)?.[0];
    if (scheme === undefined) return challenges;
    rest = rest.slice(scheme.length);
    const params: Record<string, string> = {};
    let token68: string | undefined;
    if (/^[ \t]+/.test(rest)) {
      skip(/^[ \t]+/);
      const sixtyEight = PARAM.test(rest) ? undefined : TOKEN68.exec(rest)?.[0];
      if (sixtyEight !== undefined) {
        token68 = sixtyEight;
        rest = rest.slice(sixtyEight.length);
      } else {
        for (;;) {
          const param = PARAM.exec(rest);
          if (!param) break;
          params[(param[1] ?? '').toLowerCase()] = unquote(param[2] ?? '');
          rest = rest.slice(param[0].length);
          const next = /^[ \t]*,[ \t,]*/.exec(rest);
          if (!next || !PARAM.test(rest.slice(next[0].length))) break;
          rest = rest.slice(next[0].length);
        }
      }
    }
    challenges.push({ scheme, params, ...(token68 === undefined ? {} : { token68 }) });
    if (!/^[ \t]*(,|$)/.test(rest)) return challenges;
  }
}

/** A call to an API as the page sent it. */
export interface ApiCall {
  readonly method: string;
  readonly url: string;
  /** The headers as sent: `Authorization` and, for DPoP, `DPoP`. */
  readonly headers: HeaderList;
  /** When it was sent, by the page's clock (epoch ms). */
  readonly sentAt?: number;
}

/** The API's answer with its real header names (through the proxy: `upstreamHeadersOf`). */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The causes of an API's answer to a call with an access token, most likely first, in the shape
 * the token diagnosis uses; empty when the API accepted the call (2xx). Reads the challenge the
 * API sent and compares it with what the call carried: the token's claims (`cnf.jkt`, `scope`,
 * `exp`), the DPoP proof's (`htm`, `htu`, `iat`, `ath`, `jti`), the method and URL.
 *
 * Does NOT verify signatures or compute hashes (no crypto here): where only the API could tell,
 * the API's own words are quoted.
 */
export function explainApiAnswer(call: ApiCall, answer: ApiAnswer): Cause[] {
  if (answer.status >= 200 && answer.status < 300) return [];
  const header = answer.headers.get('www-authenticate') ?? '';
  const challenges = parseWwwAuthenticate(header);
  const withError = challenges.find((each) => each.params.error !== undefined);
  const shown = withError ?? challenges[0];
  const error = withError?.params.error;
  const description = withError?.params.error_description ?? '';
  const said = `The API answered ${answer.status}${header ? ` with WWW-Authenticate: ${header}` : ' without a WWW-Authenticate challenge'}.`;
  const about = (pattern: RegExp) => pattern.test(description);

  const authorization = headerOf(call.headers, 'authorization');
  const [sentScheme = '', sentToken = ''] = (authorization ?? '').trim().split(/[ \t]+/, 2);
  const sentAs = sentScheme.toLowerCase();
  const token = sentToken ? readJwt(sentToken) : undefined;
  const cnf = token?.claims.cnf;
  const boundTo = isRecord(cnf) && typeof cnf.jkt === 'string' ? cnf.jkt : undefined;
  const offered = challenges.map((each) => each.scheme).join(' and ');

  if (shown === undefined)
    return [
      cause(
        'api-other',
        `The API answered ${answer.status} without saying why in a WWW-Authenticate challenge.`,
        [said],
        "Read the API's answer below, and its documentation.",
      ),
    ];

  if (error === undefined)
    return [
      authorization === undefined
        ? cause(
            'api-no-token',
            `The call carried no Authorization header; the API asks for one (${offered}).`,
            [said],
            'Send the access token: Authorization: Bearer <token>, or Authorization: DPoP <token> with a DPoP proof for a DPoP-bound token.',
          )
        : cause(
            'api-no-token',
            `The API does not take the ${sentScheme} scheme the call used; it offers ${offered}.`,
            [said],
            `Send the access token with the ${offered} scheme.`,
          ),
    ];

  switch (error) {
    case 'invalid_token': {
      if (sentAs === 'bearer' && (boundTo !== undefined || about(/bound/i)))
        return [
          cause(
            'dpop-bound-as-bearer',
            `The token is bound to a DPoP key${boundTo ? ` (cnf.jkt ${boundTo})` : ''}, and the call sent it as Bearer: a bound token is refused as a bearer token (RFC 9449 §7.2).`,
            [said],
            'Send it as Authorization: DPoP <token> with a new DPoP proof signed by that key, naming this method and URL and the token (ath).',
          ),
        ];
      if (sentAs === 'dpop' && token !== undefined && boundTo === undefined)
        return [
          cause(
            'dpop-token-not-bound',
            'The token has no cnf.jkt: it is not bound to a key, so it cannot be sent with the DPoP scheme.',
            [said],
            'Send it as Authorization: Bearer <token>, or get a DPoP-bound token by sending the token request with a DPoP proof.',
          ),
        ];
      const exp = token?.claims.exp;
      const date = Date.parse(answer.headers.get('date') ?? '');
      const expired =
        typeof exp === 'number' &&
        (about(/expired/i) || (!Number.isNaN(date) && date / 1000 >= exp));
      return [
        cause(
          'api-invalid-token',
          expired
            ? `The access token expired at ${isoTime(Number(exp))}.`
            : `The API refused the access token${description ? `: "${description}"` : ''}.`,
          [said],
          expired
            ? 'Get a new token (send the token request again) and call again.'
            : 'Get a token from the authorization server this API trusts, for its audience, and send it unchanged.',
        ),
      ];
    }
    case 'invalid_dpop_proof':
      return [dpopProofCause(call, said, description, token?.claims, boundTo)];
    case 'use_dpop_nonce': {
      const nonce = answer.headers.get('dpop-nonce');
      return [
        cause(
          'dpop-nonce-required',
          `The API requires a nonce it issued in the DPoP proof (RFC 9449 §9)${nonce ? `: ${nonce}` : ''}.`,
          [said],
          nonce
            ? `Sign a new proof with nonce ${nonce} and call again.`
            : 'Read the DPoP-Nonce header of the answer and sign a new proof with it.',
        ),
      ];
    }
    case 'insufficient_scope': {
      const needed = withError?.params.scope;
      const has = typeof token?.claims.scope === 'string' ? token.claims.scope : undefined;
      return [
        cause(
          'api-insufficient-scope',
          `The token lacks the scope the API needs${needed ? ` (${needed})` : ''}${has !== undefined ? `: it carries "${has}"` : ''}.`,
          [said],
          `Ask for ${needed ?? 'the scope the API needs'} in the Scope of the token request, get a new token and call again.`,
        ),
      ];
    }
    case 'invalid_request':
      return [
        cause(
          'api-invalid-request',
          `The API found the call malformed${description ? `: "${description}"` : ''}.`,
          [said],
          'Send one Authorization header: the scheme, one space, the token.',
        ),
      ];
    default:
      return [
        cause(
          'api-other',
          `The API answered with the error "${error}"${description ? `: "${description}"` : ''}.`,
          [said],
          "Look the code up in the API's documentation.",
        ),
      ];
  }
}

function dpopProofCause(
  call: ApiCall,
  said: string,
  description: string,
  tokenClaims: Readonly<Record<string, unknown>> | undefined,
  boundTo: string | undefined,
): Cause {
  const about = (pattern: RegExp) => pattern.test(description);
  const proof = dpopProofOf(call.headers);
  if (proof === null)
    return cause(
      'dpop-proof-missing',
      'The call carried no DPoP header: a DPoP-bound token must come with a proof signed by its key.',
      [said],
      'Send a DPoP header with a new proof (htm, htu of this call, ath of the token) beside Authorization: DPoP <token>.',
    );
  if (proof === undefined)
    return cause(
      'dpop-proof-invalid',
      'The DPoP header the call carried is not a readable JWT (three base64url parts of JSON).',
      [said],
      'Sign a new proof and send it unchanged.',
    );
  const { htm, htu, ath, jti, iat } = proof.claims;
  if (htm !== call.method)
    return cause(
      'dpop-htm-mismatch',
      `The proof's htm is ${claimText(htm)}, but the call is a ${call.method}: a proof names the method of the request it goes with (RFC 9449 §4.2).`,
      [said],
      `Sign a new proof with htm ${call.method}.`,
    );
  const expected = dpopHtu(call.url);
  if (typeof htu !== 'string' || dpopHtu(htu) !== expected)
    return cause(
      'dpop-htu-mismatch',
      `The proof's htu is ${claimText(htu)}, but the call went to ${expected ?? call.url} (compared without query and fragment, RFC 9449 §4.3). A proof made for the token endpoint does not work at the API.`,
      [said],
      `Sign a new proof with htu ${expected ?? call.url}.`,
    );
  if (about(/already used|replay|\bjti\b/i))
    return cause(
      'dpop-jti-reused',
      `The API has already accepted a proof with jti ${claimText(jti)}: a proof is good for one call (RFC 9449 §11.1).`,
      [said],
      'Sign a new proof for every call; never resend a copied one.',
    );
  if (about(/\biat\b|s old|ahead|clock/i)) {
    const time = proofTimeInWords(iat, undefined, call.sentAt);
    return cause(
      'dpop-iat-window',
      `The API found the proof's iat outside the time it accepts: ${description}`,
      [said, ...(time ? [time.words] : [])],
      'Sign a new proof right before each call; if the clocks differ, set the clock of the machine that signs (NTP).',
    );
  }
  if (ath === undefined)
    return cause(
      'dpop-ath-mismatch',
      'The proof has no ath claim: at an API a proof must name the access token it goes with (RFC 9449 §4.2, ath = base64url of the SHA-256 of the token).',
      [said],
      'Sign a new proof with ath computed from the token in Authorization.',
    );
  if (about(/\bath\b|hash|another token/i))
    return cause(
      'dpop-ath-mismatch',
      `The proof's ath (${claimText(ath)}) is not the SHA-256 of the token the call sent: the proof was made for another token.`,
      [said],
      'Sign a new proof with ath computed from the token in Authorization, after every new token.',
    );
  if (about(/thumbprint|bound to|cnf\.jkt|key the token/i))
    return cause(
      'dpop-key-mismatch',
      `The proof is signed by another key than the one the token is bound to${boundTo ? ` (cnf.jkt ${boundTo})` : ''}.`,
      [
        said,
        ...(tokenClaims?.client_id
          ? [`The token was issued to ${claimText(tokenClaims.client_id)}.`]
          : []),
      ],
      'Sign the proof with the key pair the token request used (a new key pair means a new token).',
    );
  if (about(/signature|jwk|typ|alg/i))
    return cause(
      'dpop-proof-signature',
      `The API could not verify the proof: "${description}"`,
      [
        said,
        `The proof's header: typ ${claimText(proof.header.typ)}, alg ${claimText(proof.header.alg)}.`,
      ],
      'Sign the proof with the private key whose public half is in its jwk header, typ dpop+jwt, ES256 or RS256.',
    );
  return cause(
    'dpop-proof-invalid',
    `The API refused the DPoP proof${description ? `: "${description}"` : ''}.`,
    [said],
    'Compare the proof with RFC 9449 §4.2 and sign a new one.',
  );
}
