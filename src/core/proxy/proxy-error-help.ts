import type { Explanation } from '../explanation.ts';
import { PROXY_MAX_REQUEST_BYTES, type ProxyErrorCode } from './proxy-protocol.ts';

/**
 * Failures on the page's side of the proxy, beside the proxy's own codes: the playground's server
 * did not answer at all, or answered with something that is not the proxy's protocol.
 */
export type ClientFailureCode = 'proxy_unreachable' | 'unexpected_answer';

export type ProxyFailureCode = ProxyErrorCode | ClientFailureCode;

interface FailureWords {
  /** What happened, in words (never the code itself). */
  readonly title: string;
  /** What to do about it. */
  readonly help: string;
}

const NO_ANSWER = 'No answer from the token endpoint:';
const REFUSED = "Not sent by the playground's proxy:";

/**
 * Every code, so a new one cannot reach the page without words: the type demands an entry. The
 * help never assumes the target is Okta, and never holds an example the user could have typed.
 */
const WORDS: Readonly<Record<ProxyFailureCode, FailureWords>> = {
  dns: {
    title: `${NO_ANSWER} its host name does not resolve.`,
    help: 'Check the spelling of the host name in the token endpoint (for Okta, the Okta domain), and that this machine can reach that network.',
  },
  connection_refused: {
    title: `${NO_ANSWER} nothing accepts connections at that address and port.`,
    help: 'Check the host and port of the token endpoint, and that the server is running.',
  },
  tls: {
    title: `${NO_ANSWER} its certificate is not trusted.`,
    help: 'The certificate is expired, self-signed, or issued for another name: check the host name of the token endpoint.',
  },
  tls_protocol: {
    title: `${NO_ANSWER} no TLS at that port.`,
    help: 'The URL asks for https, but the server at that port answers without TLS (plain http, or another protocol): check the scheme and the port.',
  },
  network: {
    title: `${NO_ANSWER} the connection failed.`,
    help: 'The connection broke before a complete answer arrived: check the URL, and try again.',
  },
  timeout: {
    title: `${NO_ANSWER} it did not answer in time.`,
    help: 'Check the URL (a server that never answers, or a firewall that drops packets, looks like this), or try again later.',
  },
  response_too_large: {
    title: 'The answer was too large to be a token response.',
    help: 'The proxy stopped reading it: check that the URL is a token endpoint, not a web page or a file.',
  },
  target_forbidden: {
    title: `${REFUSED} the address is not allowed.`,
    help: 'Loopback, private and link-local addresses and plain http are refused unless an operator allows them with PROXY_ALLOWED_HOSTS; the built-in demo server is always allowed.',
  },
  invalid_target: {
    title: `${REFUSED} the token endpoint is not a usable URL.`,
    help: 'The token endpoint must be an absolute http(s) URL without user:password@.',
  },
  missing_target: {
    title: `${REFUSED} the page named no token endpoint.`,
    help: 'Reload the page and send again.',
  },
  request_too_large: {
    title: `${REFUSED} the request is too large.`,
    help: `A token request body may be at most ${PROXY_MAX_REQUEST_BYTES / 1024} KiB: shorten the scope.`,
  },
  unsupported_media_type: {
    title: `${REFUSED} the body is not a form.`,
    help: 'Token requests are sent as application/x-www-form-urlencoded (RFC 6749 §4.4.2).',
  },
  rate_limited: {
    title: `${REFUSED} too many requests from this browser.`,
    help: 'Wait as long as the proxy says (at most a minute: it counts the calls from this network address over the last 60 seconds), then send again.',
  },
  busy: {
    title: `${REFUSED} it is busy with other requests.`,
    help: 'Too many requests are in flight through this playground at once: wait a moment and send again.',
  },
  request_timeout: {
    title: `${REFUSED} the request reached it too slowly.`,
    help: 'The connection between this page and the playground stalled: send again.',
  },
  proxy_token: {
    title: `${REFUSED} this page's pass for it is out of date.`,
    help: 'The playground server was restarted since this page loaded, and asking it again did not help: reload the page.',
  },
  cross_origin: {
    title: `${REFUSED} the call did not come from the playground's own page.`,
    help: "The proxy only serves this playground's own pages: open the playground at its own address.",
  },
  unknown_host: {
    title: `${REFUSED} this page was opened under a name the server does not answer to.`,
    help: 'The server refuses requests under host names it does not know (a guard against DNS rebinding; it has nothing to do with the token endpoint): open the playground at the address it printed when it started.',
  },
  not_found: {
    title: "The playground's server has no such endpoint.",
    help: 'This page and its server are from different versions: reload the page.',
  },
  method_not_allowed: {
    title: "The playground's server does not accept this call.",
    help: 'This page and its server are from different versions: reload the page.',
  },
  proxy_unreachable: {
    title: "The playground's own server did not answer.",
    help: 'Restart the playground with npm start and reload the page.',
  },
  unexpected_answer: {
    title: "The playground's server answered in a way this page does not understand.",
    help: 'This page and its server are probably from different versions: reload the page.',
  },
};

/**
 * Explains a failure to reach the token endpoint through the proxy: a title in words (never a
 * raw code), the proxy's own sentence about this case as the meaning, and what to do.
 */
export function explainProxyFailure(
  code: ProxyFailureCode,
  message: string,
): { readonly title: string; readonly explanation: Explanation } {
  const words = WORDS[code];
  return { title: words.title, explanation: { meaning: message, checks: [words.help] } };
}
