/**
 * `application/x-www-form-urlencoded` serialization of one value, as RFC 6749 Appendix B
 * requires for client_id and client_secret (§2.3.1) and for request bodies (§4.4.2):
 * UTF-8, then percent-encoding of everything but `A-Z a-z 0-9 * - . _`, space as `+`
 * (the WHATWG URL Standard's `URLSearchParams` rules, which browsers and Node share).
 *
 * Does NOT preserve lone surrogates (they serialize as U+FFFD, `%EF%BF%BD`).
 */
export function formUrlEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** `application/x-www-form-urlencoded` body from ordered name/value pairs. */
export function formUrlEncodeBody(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields.map(([name, value]) => `${formUrlEncode(name)}=${formUrlEncode(value)}`).join('&');
}
