import type { ProxyError } from './errors.ts';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** OpenSSL verification results as Node reports them (`err.code`). */
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);
/**
 * OpenSSL's answers when the other side does not speak TLS at all: its first bytes are not a TLS
 * record (`HTTP/1.1 400 …` from a plain-http server read as a record header).
 */
const TLS_PROTOCOL_CODES = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
  'ERR_SSL_RECORD_LENGTH_MISMATCH',
]);

/** The commonest certificate failures in words (the code itself means nothing to most people). */
const TLS_REASONS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  HOSTNAME_MISMATCH: 'its certificate is issued for another name',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is issued for another name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'its certificate is not signed by an authority this server trusts (or the chain is incomplete)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'its certificate is not signed by an authority this server trusts (or the chain is incomplete)',
};

/** The facts about a failure that classification uses, gathered along the `cause` chain. */
interface ErrorFacts {
  codes: string[];
  names: string[];
}

function collectFacts(error: unknown): ErrorFacts {
  const facts: ErrorFacts = { codes: [], names: [] };
  let current: unknown = error;
  // undici's fetch wraps the socket error: TypeError('fetch failed', { cause }); sometimes twice.
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ('code' in current && typeof current.code === 'string') facts.codes.push(current.code);
    if ('name' in current && typeof current.name === 'string') facts.names.push(current.name);
    current = 'cause' in current ? current.cause : undefined;
  }
  return facts;
}

function isTlsCode(code: string): boolean {
  return (
    TLS_CODES.has(code) ||
    code.startsWith('CERT_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_')
  );
}

/**
 * Maps a failed upstream call (a thrown fetch/DNS/socket error) to a proxy error a person can act
 * on. `timedOut` is the proxy's own knowledge that its deadline fired, which wins over whatever
 * the aborted operation reported. `target` names the host in the message (never the path: it can
 * carry query parameters).
 *
 * Does NOT copy error messages (they may hold anything) or codes (a person reads the message:
 * "could not be resolved", not "ENOTFOUND").
 */
export function classifyUpstreamError(
  error: unknown,
  target: URL,
  timedOut: boolean,
  timeoutMs: number,
): ProxyError {
  const where = target.host;
  const { codes, names } = collectFacts(error);
  const first = (predicate: (code: string) => boolean) => codes.find(predicate);

  if (timedOut || names.includes('TimeoutError') || first((code) => TIMEOUT_CODES.has(code))) {
    return {
      code: 'timeout',
      message: `${where} did not answer completely within ${timeoutMs / 1000} s.`,
    };
  }
  if (
    first((code) => code === 'PROXY_TARGET_FORBIDDEN') ||
    names.includes('TargetForbiddenError')
  ) {
    return {
      code: 'target_forbidden',
      message: `${where} resolved to an address the proxy may not call (private, loopback or otherwise non-public).`,
    };
  }
  if (first((code) => DNS_CODES.has(code))) {
    return {
      code: 'dns',
      message: `The host name ${target.hostname} could not be resolved. Check the domain for typos.`,
    };
  }
  if (first((code) => code === 'ECONNREFUSED')) {
    return {
      code: 'connection_refused',
      message: `${where} refused the connection: nothing is listening on that port.`,
    };
  }
  const notTls = first((code) => TLS_PROTOCOL_CODES.has(code));
  if (notTls) {
    return {
      code: 'tls_protocol',
      message: `${where} does not speak TLS on that port: it is probably a plain-http server; try http:// or the port that serves https.`,
    };
  }
  const tls = first(isTlsCode);
  if (tls) {
    const reason =
      TLS_REASONS[tls] ?? 'its certificate is not trusted, expired or issued for another name';
    return { code: 'tls', message: `The TLS handshake with ${where} failed: ${reason}.` };
  }
  if (names.includes('HTTPParserError') || first((code) => code.startsWith('HPE_'))) {
    return {
      code: 'network',
      message: `${where} answered with something that is not HTTP/1.1: is an HTTP server listening on that port?`,
    };
  }
  if (first((code) => code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')) {
    return {
      code: 'network',
      message: `${where} closed the connection before its answer was complete.`,
    };
  }
  if (isOpaqueRuntimeError(error)) {
    return {
      code: 'network',
      message: `${where} could not be reached, and the runtime gives no reason. This host reaches public addresses only: a name that resolves only to private or loopback addresses fails this way, unless PROXY_ALLOWED_HOSTS names it.`,
    };
  }
  return {
    code: 'network',
    message: `The connection to ${where} failed before a complete answer arrived.`,
  };
}

/**
 * workerd's `fetch` rejects a refused destination (its network's allow list, which the local edge
 * host limits to public addresses) with nothing but `internal error; reference = …`, as it does
 * any failure it will not describe.
 */
function isOpaqueRuntimeError(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('internal error; reference = ');
}
