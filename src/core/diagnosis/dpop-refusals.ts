import type { AnswerReading } from './evidence.ts';
import { dpopHtu } from '../dpop/htu.ts';
import { causeNoWayChanges as cause, type Cause } from './causes.ts';
import type { JwtReading } from '../encoding/jws.ts';
import { claimText, dpopProofOf, proofTimeInWords } from './dpop-evidence.ts';
import { answerInWords, type Facts } from './facts.ts';

/*
 * The token endpoint's refusals of DPoP (RFC 9449 §5, §8), explained with what the request
 * carried. The words matched are the demo server's (oidc-provider 8, measured in
 * scenarios/dpop-answers.ts: "DPoP proof htu mismatch", "nonce is required in the DPoP proof",
 * "grant request is invalid: DPoP proof JWT not provided", …) and Okta's ("The DPoP proof JWT
 * header is missing.", "Authorization server requires nonce in DPoP proof."). The proof's own
 * claims are compared with the request first: a value the page can see beats a server's words.
 */

/** The page's checkbox that signs a proof for every token request. */
export const DPOP_CHECKBOX = 'DPoP (proof of possession)';
/** The app setting in Okta's Admin Console (Applications › your app › General › General Settings). */
export const OKTA_DPOP_SETTING =
  'Require Demonstrating Proof of Possession (DPoP) header in token requests';
/** Okta's DPoP guide for tokens of your own API (a custom authorization server). */
export const OKTA_DPOP_GUIDE =
  'https://developer.okta.com/docs/guides/dpop/nonoktaresourceserver/main/';
/** How long the demo server accepts a proof without a nonce around its `iat` (oidc-provider's DPOP_OK_WINDOW). */
const DEMO_PROOF_WINDOW_SECONDS = 300;

const WORDS = {
  missing:
    /proof JWT (header is missing|not provided)|DPoP proof (is )?(required|missing)|missing DPoP/i,
  htm: /\bhtm\b/i,
  htu: /\bhtu\b/i,
  iat: /\biat\b|not recent enough|too old|in the future|issued in the future/i,
  replay: /replay|already (been )?used|jti/i,
  signature: /signature|key binding|\btyp\b|\balg\b|jwk/i,
  nonce: /nonce/i,
};

type OAuthAnswer = Extract<AnswerReading, { kind: 'oauth-error' }>;

function oktaNote(facts: Facts): string[] {
  return facts.okta
    ? [
        `Okta: an app with "${OKTA_DPOP_SETTING}" on (its General Settings) refuses a token request without a proof; a custom authorization server (/oauth2/{id}/v1/token) issues DPoP-bound tokens for your own API, the org authorization server (/oauth2/v1/token) for Okta's APIs (Okta's DPoP guide, ${OKTA_DPOP_GUIDE}).`,
      ]
    : [];
}

function nonceCause(facts: Facts, answer: OAuthAnswer, proof: JwtReading): Cause {
  const offered = facts.evidence.answerHeaders?.get('dpop-nonce') ?? undefined;
  const carried = proof.claims.nonce;
  const server = `The server answered ${answerInWords(answer)}${offered ? ` with DPoP-Nonce: ${offered}` : ' without a DPoP-Nonce header'}.`;
  const okta = facts.okta
    ? [
        'Okta says it as "Authorization server requires nonce in DPoP proof." and sends the nonce the same way.',
      ]
    : facts.demo
      ? [
          'The demo server requires a nonce in every proof, so every first DPoP request gets this answer (RFC 9449 §8).',
        ]
      : [];
  if (typeof carried === 'string')
    return cause(
      'dpop-nonce-required',
      `The proof carried the nonce ${carried}, which the server no longer accepts (its nonces change, and an old one expires)${offered ? `; it offers ${offered} instead` : ''}.`,
      [server, ...okta],
      offered
        ? `Sign a new proof with nonce ${offered} and send again (the page does this once by itself).`
        : 'Send again without a nonce to get a fresh one in DPoP-Nonce, then sign a proof with it.',
    );
  return cause(
    'dpop-nonce-required',
    `The server requires a nonce it issued in the DPoP proof (RFC 9449 §8); the proof had none${offered ? `, and the answer gives one: ${offered}` : ''}.`,
    [server, ...okta],
    offered
      ? `Sign a new proof with nonce ${offered} and send again: the page retries once with it by itself, and lists both attempts.`
      : 'Read the DPoP-Nonce header of the answer and sign a new proof with it.',
  );
}

function iatCause(facts: Facts, answer: OAuthAnswer, proof: JwtReading): Cause {
  const time = proofTimeInWords(
    proof.claims.iat,
    facts.evidence.answerHeaders,
    facts.evidence.sentAt,
  );
  const skew = time?.skewSeconds;
  const window = facts.demo
    ? ` The demo server accepts a proof within ${DEMO_PROOF_WINDOW_SECONDS} s of its clock when it carries no nonce.`
    : '';
  return cause(
    'dpop-iat-window',
    skew !== undefined && Math.abs(skew) > 5
      ? `The proof's iat is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} the server's clock: ${skew > 0 ? "the signing machine's clock is fast" : "the proof is too old, or the signing machine's clock is slow"}.`
      : "The server found the proof's iat outside the time it accepts: the proof was signed too long before it was sent, or a clock is off.",
    [`The server answered ${answerInWords(answer)}.`, ...(time ? [time.words + window] : [])],
    'Sign a new proof right before each request; if the clocks differ, set the clock of the machine that signs (NTP).',
  );
}

/**
 * The cause of a token endpoint's DPoP refusal, or undefined when the answer is not about DPoP.
 * Certain before possible: the proof's absence, then its claims against the request, then the
 * server's words.
 */
export function dpopTokenEndpointCause(facts: Facts, answer: OAuthAnswer): Cause | undefined {
  const about = (pattern: RegExp) => pattern.test(answer.description);
  const dpopError = answer.error === 'invalid_dpop_proof' || answer.error === 'use_dpop_nonce';
  const dpopGrant = answer.error === 'invalid_grant' && /dpop/i.test(answer.description);
  if (!dpopError && !dpopGrant) return undefined;
  const server = `The server answered ${answerInWords(answer)}.`;
  const { request } = facts.evidence;
  const proof = dpopProofOf(request.headers);

  if (proof === null)
    return cause(
      'dpop-required',
      facts.demoClient?.dpopBound
        ? `The demo client "${facts.demoClient.label}" requires DPoP-bound tokens (RFC 9449): every token request must carry a DPoP proof, and this one carried none.`
        : 'This client requires DPoP-bound tokens (RFC 9449): every token request must carry a DPoP proof, and this one carried none.',
      [server, ...oktaNote(facts)],
      facts.okta
        ? `Turn on "${DPOP_CHECKBOX}" and send again, or turn off "${OKTA_DPOP_SETTING}" on the app.`
        : `Turn on "${DPOP_CHECKBOX}" and send again: the page signs a proof for every request.`,
    );
  if (proof === undefined)
    return cause(
      'dpop-proof-invalid',
      'The DPoP header the request carried is not a readable JWT (three base64url parts of JSON).',
      [server],
      `Let the page sign the proof (turn on "${DPOP_CHECKBOX}"), or check what signs it.`,
    );

  const { htm, htu } = proof.claims;
  if (htm !== request.method)
    return cause(
      'dpop-htm-mismatch',
      `The proof's htm is ${claimText(htm)}, but the token request is a ${request.method} (RFC 9449 §4.2: htm is the method of the request it goes with).`,
      [server],
      `Sign the proof with htm ${request.method}.`,
    );
  const expected = dpopHtu(request.url);
  if (typeof htu !== 'string' || dpopHtu(htu) !== expected)
    return cause(
      'dpop-htu-mismatch',
      `The proof's htu is ${claimText(htu)}, but the request went to ${expected ?? request.url} (compared without query and fragment, RFC 9449 §4.3).`,
      [server],
      `Sign the proof with htu ${expected ?? request.url}: the token endpoint exactly as the request names it.`,
    );
  if (about(WORDS.htm) || about(WORDS.htu))
    return cause(
      about(WORDS.htm) ? 'dpop-htm-mismatch' : 'dpop-htu-mismatch',
      `The server says the proof's ${about(WORDS.htm) ? 'htm' : 'htu'} does not match the request, although the proof names ${claimText(htm)} ${claimText(htu)} as sent: the server compares with the URL it was reached at, which a proxy or gateway in front of it may change.`,
      [server],
      'Sign the proof for the URL the server itself is reached at (its issuer metadata names its token endpoint).',
    );
  if (about(WORDS.iat)) return iatCause(facts, answer, proof);
  if (answer.error === 'use_dpop_nonce' || (about(WORDS.nonce) && !dpopGrant))
    return nonceCause(facts, answer, proof);
  if (dpopGrant && about(WORDS.replay))
    return cause(
      'dpop-jti-reused',
      `The server has already seen a proof with jti ${claimText(proof.claims.jti)}: a DPoP proof is good for one request (RFC 9449 §11.1).`,
      [server],
      'Sign a new proof for every request (a new jti each time); never resend a copied proof.',
    );
  if (about(WORDS.missing) && answer.error === 'invalid_grant')
    return cause(
      'dpop-required',
      'The server did not find a DPoP proof in the request, although the page sent a DPoP header: something between (a proxy or gateway) may drop it.',
      [server],
      'Check that the DPoP header reaches the server.',
    );
  if (about(WORDS.signature))
    return cause(
      'dpop-proof-signature',
      "The proof does not verify with the public key in its own jwk header, or its header is not a DPoP proof's (typ dpop+jwt, an alg the server accepts).",
      [
        server,
        `The proof's header: typ ${claimText(proof.header.typ)}, alg ${claimText(proof.header.alg)}.`,
      ],
      'Sign the proof with the private key whose public half is in its jwk header, with typ dpop+jwt and ES256 or RS256.',
    );
  return cause(
    'dpop-proof-invalid',
    `The server refused the DPoP proof${answer.description ? `: "${answer.description}"` : ''}.`,
    [server],
    'Compare the proof with RFC 9449 §4.2: typ dpop+jwt, alg, jwk, and the claims jti, htm, htu, iat (and nonce when the server asks).',
  );
}
