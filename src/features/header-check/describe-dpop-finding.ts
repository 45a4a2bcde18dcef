import type { DpopFinding, DpopHeaderDiagnosis } from '../../core/header-diagnosis/dpop-headers.ts';
import type { NotATokenReason } from '../../core/token/read-pasted-token.ts';

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

function notATokenText(reason: NotATokenReason): string {
  switch (reason.kind) {
    case 'white-space':
      return 'it has white space inside (a token a terminal wrapped over lines, or words)';
    case 'invalid-characters':
      return `it has characters a token cannot have (${reason.characters.map((c) => `"${c}"`).join(', ')})`;
    case 'basic-credentials':
      return 'it is Basic client credentials, not an access token';
    case 'nothing-after-wrappers':
      return 'nothing follows the scheme';
    case 'error-response':
    case 'json-without-access-token':
      return 'it is JSON, not a token';
  }
}

/**
 * A DPoP finding in plain words. Uses only what the finding carries: claims, hashes and
 * thumbprints a proof shows anyway, never the token or the proof.
 */
export function describeDpopFinding(finding: DpopFinding): string {
  switch (finding.code) {
    case 'dpop-scheme':
      return 'Authorization: DPoP is an access token sent with the DPoP scheme (RFC 9449 §7.1): the request also needs a DPoP header with a proof signed for it.';
    case 'bearer-with-proof':
      return finding.bound
        ? 'The token is sent with the Bearer scheme, but it names a DPoP key (cnf.jkt): a DPoP-bound token goes with Authorization: DPoP (RFC 9449 §7.1), and a server that knows it is bound refuses it as Bearer.'
        : 'The token is sent with the Bearer scheme beside a DPoP proof. If the token is DPoP-bound (token_type DPoP when it was issued), it must go with Authorization: DPoP (RFC 9449 §7.1); the page cannot read this token to tell.';
    case 'token-not-b64token':
      return `What follows the scheme is not an access token: ${notATokenText(finding.reason)}. RFC 6750 §2.1 allows letters, digits and - . _ ~ + / with = at the end.`;
    case 'token-jwt-bound':
      return `The token is a JWT bound to the DPoP key with the thumbprint ${finding.jkt} (cnf.jkt, RFC 9449 §6.1).`;
    case 'token-jwt-unbound':
      return 'The token is a JWT without cnf.jkt: it does not name a DPoP key (RFC 9449 §6.1), so it does not look DPoP-bound. A resource server that expects such tokens as Bearer may refuse the DPoP scheme.';
    case 'token-jwt-unbound-bearer':
      return 'The token is a JWT without cnf.jkt: it does not name a DPoP key, so Bearer fits it; the DPoP proof beside it is not needed for it.';
    case 'token-opaque':
      return 'The token is made of RFC 6750 §2.1 token characters but is not a JWT the page can read: which key it is bound to only the server knows (introspection answers it in cnf.jkt).';
    case 'proof-not-pasted':
      return 'No DPoP: proof line was pasted. Paste it too (on its own line) to check the two against each other; without one the server refuses the call (RFC 9449 §7.1).';
    case 'proof-empty':
      return 'The DPoP header is empty: it must carry a proof, a signed JWT.';
    case 'proof-not-jwt':
      return 'The DPoP header is not a JWT the page can read (three Base64url parts, header and payload JSON): a server refuses it as an invalid proof.';
    case 'proof-typ-wrong':
      return finding.typ === null
        ? 'The proof has no typ: it must be dpop+jwt (RFC 9449 §4.2).'
        : `The proof's typ is "${finding.typ}": it must be dpop+jwt (RFC 9449 §4.2).`;
    case 'proof-typ-ok':
      return 'The proof is typed dpop+jwt.';
    case 'proof-alg-none':
      return 'The proof says alg none: it is not signed, and a server must refuse it (RFC 9449 §4.3).';
    case 'proof-alg-symmetric':
      return `The proof's alg is ${finding.alg}, a shared-secret algorithm: a DPoP proof needs an asymmetric one such as ES256 or RS256 (RFC 9449 §4.2).`;
    case 'proof-alg-missing':
      return 'The proof has no alg.';
    case 'proof-alg-ok':
      return `The proof names ${finding.alg} in alg, an asymmetric algorithm (whether the signature holds, only the server can check).`;
    case 'proof-jwk-missing':
      return 'The proof has no jwk in its header: the server cannot know which key signed it (RFC 9449 §4.2).';
    case 'proof-jwk-private':
      return `The proof's jwk carries private key members (${finding.members.join(', ')}): the private key is in the header, readable by anyone who sees the request, and a server refuses it (RFC 9449 §4.3). The key has leaked: make a new key pair and stop using this one, and fix the code so only the public members go in the header.`;
    case 'proof-jwk-public':
      return `The proof's jwk is a public ${finding.kty} key (no private members).`;
    case 'proof-claims-missing':
      return `The proof lacks ${finding.missing.join(', ')}: RFC 9449 §4.2 requires jti, htm, htu and iat.`;
    case 'proof-claims-present':
      return `The proof is for ${finding.htm} ${finding.htu}${finding.nonce === null ? ', without a nonce' : `, with the nonce ${finding.nonce}`}.`;
    case 'proof-iat-future':
      return `The proof's iat is ${duration(finding.seconds)} ahead of this page's clock: the clock of the machine that signed it is ahead, or this one's is behind. A server refuses a proof from the future beyond its small tolerance.`;
    case 'proof-iat-old':
      return `The proof's iat is ${duration(finding.seconds)} before this page's clock. The demo API accepts a proof for ${finding.acceptedSeconds} s after iat, and so does the demo server for a proof without a nonce (with its nonce it checks the nonce instead); other servers choose their own window, often less. If it was sent just now, it was too old for a server that judges by iat; if it was copied from an earlier log, that is its age, not a fault.`;
    case 'proof-iat-recent':
      return `The proof's iat is ${duration(finding.seconds)} before this page's clock.`;
    case 'proof-ath-without-token':
      return 'The proof carries ath, the hash of an access token, but no Authorization: DPoP line was pasted to check it against.';
    case 'proof-without-ath':
      return 'The proof has no ath: right for a token request; a call to an API with a token needs one (RFC 9449 §4.2).';
    case 'ath-missing':
      return 'The proof has no ath: a proof sent with an access token must carry its hash (RFC 9449 §4.2), and the server refuses the call.';
    case 'ath-differs':
      return `The proof's ath (${finding.ath}) is not the hash of this token (${finding.tokenHash}): it was signed for another token, or the token was changed after signing.`;
    case 'ath-matches':
      return "The proof's ath is this token's hash.";
    case 'key-differs':
      return `The proof's jwk has the thumbprint ${finding.proofThumbprint}, but the token is bound to ${finding.jkt} (cnf.jkt): the proof names another key than the one the token was issued for (a key pair made again since, or a token of another client), and the server refuses it (RFC 9449 §7.1).`;
    case 'key-matches':
      return "The proof's key is the one the token is bound to (its thumbprint is the token's cnf.jkt).";
    case 'htm-differs':
      return `The proof's htm is ${finding.htm}, but the request's method is ${finding.method} (RFC 9449 §4.3 compares them exactly).`;
    case 'htu-differs':
      return `The proof's htu is ${finding.htu}, but the request goes to ${finding.requestHtu} (without query and fragment, RFC 9449 §4.3).`;
    case 'request-matches':
      return "The proof's htm and htu match the request line.";
    case 'request-from-host':
      return `The request line names the path and the Host line the host: the request goes to ${finding.requestHtu}. The scheme is not in a pasted request (the connection carries it); ${finding.scheme} is the proof's own.`;
    case 'request-target-relative':
      return `The request line names ${finding.target}, not an absolute URL: htu cannot be checked. Paste the Host line too, or the request line with the full URL (GET https://… HTTP/1.1).`;
  }
}

/** The verdict, from the findings' severities only, as for a Basic header. */
export function describeDpopVerdict(diagnosis: DpopHeaderDiagnosis): string {
  const worst = diagnosis.findings.filter((f) => f.severity === diagnosis.verdict);
  const count = worst.length;
  switch (diagnosis.verdict) {
    case 'error':
      return `This DPoP call will not work: ${count === 1 ? 'one problem' : `${count} problems`} below.`;
    case 'warning':
      return `These DPoP headers are well formed, but ${count === 1 ? 'one thing' : `${count} things`} below may make a server refuse them.`;
    case 'note':
      return 'These DPoP headers are well formed, with a note below.';
    case 'fine':
      return diagnosis.findings.some((f) => f.code === 'ath-matches')
        ? 'These DPoP headers are well formed and agree with each other. Only the server can check the signature.'
        : 'This DPoP proof is well formed. Only the server can check the signature.';
  }
}
