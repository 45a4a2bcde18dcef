/** What to do about each failure the proxy reports (codes of server/proxy), in one line. */
const HELP: Record<string, string> = {
  dns: 'The host name does not resolve: check the spelling of the Okta domain (e.g. dev-123456.okta.com).',
  connection_refused:
    'Nothing accepts connections at that address and port: check the host and port, and that the server is running.',
  tls: 'The TLS handshake failed (certificate not trusted, expired, or for another name): check the host name, or that the server really speaks https.',
  timeout: 'The token endpoint did not answer in time: check the URL, or try again later.',
  target_forbidden:
    'The proxy does not send requests to this address (loopback, private and link-local addresses are refused unless an operator allows them with PROXY_ALLOWED_HOSTS).',
  response_too_large:
    'The answer was larger than a token response can reasonably be, so the proxy stopped reading it.',
  request_too_large:
    'The request body is larger than the proxy accepts (16 KiB): shorten the scope.',
  network: 'The connection failed before an answer arrived.',
  unknown_host: 'The host name does not resolve to any address: check the spelling of the domain.',
  invalid_target: 'The token endpoint must be an absolute http(s) URL without user:password@.',
  missing_target: 'The page sent no target URL: reload the page.',
  proxy_token: 'The playground server was restarted since this page loaded: reload the page.',
  cross_origin: "The proxy only serves this playground's own pages.",
  unsupported_media_type:
    'Token requests are sent as application/x-www-form-urlencoded (RFC 6749 §4.4.2).',
  proxy_unreachable: 'Restart the playground with npm start and reload the page.',
};

export function proxyErrorHelp(code: string): string | undefined {
  return HELP[code];
}
