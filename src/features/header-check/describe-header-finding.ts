import type { HeaderDiagnosis } from '../../core/header-diagnosis/diagnose-authorization-header.ts';
import type { HeaderFinding, PairReading, Span } from '../../core/header-diagnosis/findings.ts';

function positions(spans: readonly Span[] | undefined, unit: 'character' | 'byte'): string {
  if (!spans || spans.length === 0) return '';
  const shown = spans
    .slice(0, 4)
    .map((s) => (s.end - s.start > 1 ? `${s.start + 1}–${s.end}` : `${s.start + 1}`));
  const more = spans.length > 4 ? ` and ${spans.length - 4} more` : '';
  const plural = spans.length > 1 || (spans[0] && spans[0].end - spans[0].start > 1) ? 's' : '';
  return ` (${unit}${plural} ${shown.join(', ')}${more})`;
}

function lineBreakPart(reading: PairReading): string {
  const lineBreak = reading.trailingLineBreak;
  if (!lineBreak) return '';
  return lineBreak.length === 1
    ? `, the last a line break (${lineBreak.kind})`
    : `, the last ${lineBreak.length} line-break characters (${lineBreak.kind})`;
}

function readingText(reading: PairReading): string {
  return `client ID "${reading.clientId}", secret of ${reading.secretLength} characters${lineBreakPart(reading)} ${reading.secretMask}`;
}

function secretDiffers(finding: Extract<HeaderFinding, { code: 'secret-differs' }>): string {
  const opening = finding.clientIdCompared
    ? 'The client ID matches but the secret differs'
    : 'The secret differs from the expected secret';
  if (finding.trailingLineBreak) {
    return `${opening}: the secret the server receives is the expected secret followed by a line break (${finding.trailingLineBreak}), ${finding.headerSecretLength} characters instead of ${finding.expectedSecretLength}. Encode it without the line break (printf '%s' or echo -n).`;
  }
  return `${opening}: the header's has ${finding.headerSecretLength} characters, the expected one ${finding.expectedSecretLength}; they first differ at character ${finding.firstDifference + 1}.`;
}

/**
 * A finding in plain words, for the header doctor's list. Uses only what the finding carries, so
 * it can never show the secret: client IDs in full, secrets as length and mask.
 */
export function describeHeaderFinding(finding: HeaderFinding): string {
  const at = positions(finding.input, 'character');
  const atByte = positions(finding.bytes, 'byte');
  switch (finding.code) {
    case 'empty':
      return 'There is no credential to check: paste the Authorization header, its value, or the Base64.';
    case 'byte-order-mark':
      return finding.where === 'text'
        ? `The text starts with an invisible byte order mark (U+FEFF)${at}, as Notepad's "UTF-8 with BOM" adds. Remove it.`
        : `The decoded credentials start with the bytes EF BB BF${atByte}: a UTF-8 byte order mark from a file saved as "UTF-8 with BOM". The server reads it as part of the client ID. Save the file as UTF-8 without BOM and encode again.`;
    case 'certutil-wrapper':
      return `The -----BEGIN CERTIFICATE----- and -----END CERTIFICATE----- lines of certutil -encode are included${at}. Remove both lines; only the Base64 between them belongs in the header.`;
    case 'surrounding-quotes':
      return finding.around === 'line'
        ? `The header line is wrapped in shell quotes (${finding.quote})${at}: the shell takes them off, so no server sees them. In a header value field, leave them out.`
        : `The value is wrapped in quotes (${finding.quote})${at}: they came from a shell command or a document. Remove them; the server would read them as part of the header.`;
    case 'header-name-included':
      return finding.repeated
        ? `The header name "Authorization:" appears again inside the value${at}. Remove it: the value must start with Basic.`
        : `The header name "Authorization:" is included${at}: right for a whole header line, as here. In a header value field, leave it out.`;
    case 'command-flag-included':
      return `The curl option -H or --header was copied with the header${at}: it is not part of the header, and the rest is read as the header.`;
    case 'scheme-missing':
      return 'The scheme is missing: the value must be "Basic " followed by the Base64.';
    case 'scheme-doubled':
      return `"Basic" appears twice${at}. Keep only one.`;
    case 'scheme-wrong':
      return `The scheme is ${finding.scheme}${at}, but client credentials go in a Basic header (RFC 6749 §2.3.1). ${finding.scheme === 'Bearer' || finding.scheme.toLowerCase() === 'bearer' ? 'Bearer is for calling an API with the access token you get back.' : ''}`.trim();
    case 'scheme-basic':
      return `The scheme is Basic${finding.asWritten === 'Basic' ? '' : ` (written "${finding.asWritten}", which is fine: scheme names are case-insensitive)`}.`;
    case 'extra-spaces':
      return `There is more than one space, or a tab, between Basic and the Base64${at}. Use exactly one space: some servers split at the first space only.`;
    case 'stray-carriage-return':
      return `The value ends with a carriage return (CR)${at}, typical of text read from a Windows file. Remove it.`;
    case 'line-break-in-token':
      return `The Base64 is broken over several lines${at}${
        finding.lineLengths.includes(76)
          ? ", after 76 characters: GNU base64 wraps its output. Use base64 -w0, or pipe it through tr -d '\\n'"
          : finding.lineLengths.includes(64)
            ? ', after 64 characters: certutil wraps its output'
            : ''
      }. Join the lines: a header value is one line.`;
    case 'space-in-token':
      return `There is a space inside the Base64${at}. Remove it: Base64 has no spaces.`;
    case 'invalid-base64-character':
      return `There are characters that are not Base64${at}. Was the clientid:clientsecret text pasted without encoding it?`;
    case 'base64url-alphabet':
      return `The Base64 uses "-" or "_"${at}: that is base64url, the alphabet of JWTs. Basic needs standard Base64 (RFC 4648 §4) with "+" and "/".`;
    case 'missing-padding':
      return `The Base64 lacks its padding: ${finding.missing} "=" ${finding.missing === 1 ? 'is' : 'are'} missing at the end. Strict servers refuse it.`;
    case 'bad-padding':
      return `The "=" padding is in the wrong place or too long${at}.`;
    case 'impossible-length':
      return `The Base64 has ${finding.length} characters (without padding), a length no Base64 can have: part of it is missing.`;
    case 'base64-ok':
      return `The Base64 is well formed (${finding.byteLength} bytes).`;
    case 'not-utf8':
      return `Some bytes are not UTF-8${atByte}, in the ${[finding.inClientId ? 'client ID' : '', finding.inSecret ? 'secret' : ''].filter(Boolean).join(' and ')}: an older tool encoded the text as Latin-1.${finding.latin1ClientId !== undefined ? ` Read as Latin-1 the client ID is "${finding.latin1ClientId}".` : ''} Encode the UTF-8 bytes (RFC 7617 §2.1).`;
    case 'literal-dash-n':
      return `The decoded text starts with "-n "${atByte}: the echo that made it does not know -n and printed it. Use printf '%s' instead.`;
    case 'trailing-newline':
      return `The decoded secret ends with a line break (${finding.newline})${atByte}: echo without -n adds one. The server then sees a different secret. Use printf '%s' or echo -n.`;
    case 'no-colon':
      return `The decoded text (${finding.decodedLength} characters) has no ":"${
        finding.equalsExpected === 'clientId'
          ? ': it is the client ID alone'
          : finding.equalsExpected === 'clientSecret'
            ? ': it is the secret alone'
            : ''
      }. Encode clientid:clientsecret, both parts with a colon between them.`;
    case 'percent-encoded-separator':
      return 'The colon between client ID and secret is percent-encoded as %3A: the whole pair was URL-encoded. Encode each part separately, then join them with a plain ":".';
    case 'pair-read':
      return `Decoded: ${readingText(finding.reading)}.`;
    case 'encoding-readings-differ':
      return `Servers read this pair two ways. Read raw (as the Okta guide sends): ${readingText(finding.raw)}. Form-decoded (RFC 6749 §2.3.1, e.g. oidc-provider, Spring, Hydra): ${
        finding.form ? readingText(finding.form) : 'refused, the % signs are not valid escapes'
      }. It looks ${finding.likely === 'form' ? 'form-encoded' : 'raw'}.`;
    case 'credential-check':
      return [finding.check.message, finding.check.why].filter(Boolean).join(' ');
    case 'matches-expected':
      if (finding.compared === 'secret')
        return `The decoded secret is the expected secret${finding.encodings.length === 2 ? '' : finding.encodings[0] === 'raw' ? ', read raw' : ', once form-decoded (RFC 6749 §2.3.1)'}.`;
      if (finding.compared === 'client-id')
        return 'The client ID is the one entered above (no secret was entered to compare).';
      return `The header carries the credentials entered above${
        finding.encodings.length === 2
          ? ''
          : finding.encodings[0] === 'raw'
            ? ', raw as the Okta guide sends them (servers that form-decode, per RFC 6749 §2.3.1, read something else)'
            : ', form-encoded per RFC 6749 §2.3.1 (servers that read raw bytes, as the Okta guide does, read something else)'
      }${finding.exact ? '' : ', once the problems above are fixed'}.`;
    case 'client-id-differs':
      return finding.headerClientId === undefined
        ? 'The client ID in the header is the secret entered above: the ID and the secret are swapped.'
        : `The client ID differs: the header has "${finding.headerClientId}", the one entered above is "${finding.expectedClientId}".${finding.secretMatches ? ' The secret matches.' : ''}`;
    case 'secret-differs':
      return secretDiffers(finding);
  }
}

/**
 * A finding in a few words, for the verdict: what the server receives when it is wrong, what is
 * around a right value when it is a note.
 */
export function inShort(finding: HeaderFinding): string {
  switch (finding.code) {
    case 'empty':
      return 'no credentials';
    case 'byte-order-mark':
      return finding.where === 'text'
        ? 'an invisible U+FEFF before the value'
        : 'a client ID that starts with an invisible U+FEFF';
    case 'certutil-wrapper':
      return "certutil's BEGIN and END lines around the Base64";
    case 'surrounding-quotes':
      return finding.around === 'line'
        ? 'shell quotes around the line, which the shell takes off'
        : 'the quotes, as part of the value';
    case 'header-name-included':
      return finding.repeated
        ? 'the header name inside the value'
        : 'the header name before the value, right for a whole header line';
    case 'command-flag-included':
      return "curl's header option before the header, which curl does not send";
    case 'scheme-missing':
      return 'a value without the Basic scheme';
    case 'scheme-doubled':
      return '"Basic" twice';
    case 'scheme-wrong':
      return `the ${finding.scheme} scheme, where client credentials need Basic`;
    case 'scheme-basic':
      return 'the Basic scheme';
    case 'extra-spaces':
      return 'more than one space after Basic, and some servers split at the first space only';
    case 'stray-carriage-return':
      return 'a carriage return at the end of the value';
    case 'line-break-in-token':
      return 'a line break inside the Base64';
    case 'space-in-token':
      return 'a space inside the Base64';
    case 'invalid-base64-character':
      return 'characters that are not Base64';
    case 'base64url-alphabet':
      return 'base64url, where Basic needs standard Base64';
    case 'missing-padding':
      return 'Base64 without its "=" padding, which strict servers refuse';
    case 'bad-padding':
      return 'Base64 with misplaced "=" padding';
    case 'impossible-length':
      return 'Base64 with part of it missing';
    case 'base64-ok':
      return 'well-formed Base64';
    case 'not-utf8':
      return 'bytes that are not UTF-8';
    case 'literal-dash-n':
      return 'a client ID that starts with "-n "';
    case 'trailing-newline':
      return `a secret that ends with a line break (${finding.newline})`;
    case 'no-colon':
      return 'no ":" between client ID and secret';
    case 'percent-encoded-separator':
      return '%3A where the ":" between client ID and secret should be';
    case 'pair-read':
      return 'a client ID and a secret';
    case 'encoding-readings-differ':
      return 'a pair that servers which form-decode (RFC 6749 §2.3.1) read differently from servers which read it raw';
    case 'credential-check':
      return finding.severity === 'error'
        ? 'credentials with characters servers refuse'
        : 'credentials with characters some servers treat differently';
    case 'matches-expected':
      return 'the expected credentials';
    case 'client-id-differs':
      return 'another client ID than the one expected';
    case 'secret-differs':
      return finding.trailingLineBreak
        ? `the expected secret followed by a line break (${finding.trailingLineBreak})`
        : 'another secret than the expected one';
  }
}

function uniqueShorts(findings: readonly HeaderFinding[]): string {
  return [...new Set(findings.map(inShort))].join('; ');
}

/**
 * The verdict, from the findings' severities only: "will not work" only where the bytes a server
 * receives are wrong; a note (a header name, a curl option, shell quotes around a right value) does
 * not lower it below "well formed".
 */
export function describeVerdict(diagnosis: HeaderDiagnosis): string {
  const { findings, verdict } = diagnosis;
  // The trailing-newline finding already says what a line break added to the expected secret is.
  const saidOnce = findings.some((f) => f.code === 'trailing-newline');
  const bySeverity = findings.filter(
    (f) =>
      f.severity === verdict &&
      !(saidOnce && f.code === 'secret-differs' && f.trailingLineBreak !== undefined),
  );
  const match = findings.find((f) => f.code === 'matches-expected');
  const matches =
    match?.code !== 'matches-expected'
      ? ''
      : match.compared === 'pair'
        ? ' It carries the expected credentials.'
        : match.compared === 'secret'
          ? ' Its secret is the expected one.'
          : ' Its client ID is the expected one.';
  switch (verdict) {
    case 'error':
      return `This header will not work: the server receives ${uniqueShorts(bySeverity)}.${
        diagnosis.corrected === undefined ? '' : ' The corrected header below fixes it.'
      }`;
    case 'warning':
      return `This header is well formed, but servers read it differently: ${uniqueShorts(bySeverity)}.`;
    case 'note':
      return `This header is well formed, with a note: ${uniqueShorts(bySeverity)}.${matches}`;
    case 'fine':
      return `This header is well formed.${matches}`;
  }
}
