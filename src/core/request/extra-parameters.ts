/**
 * Token request parameters beyond RFC 6749 §4.4.2 that some servers need: `audience` (Auth0 and
 * servers that copy it), `resource` (RFC 8707 §2, repeatable: one absolute URI per target), and
 * any other `name=value` pairs. All travel form-encoded in the body (RFC 6749 Appendix B), after
 * `scope`.
 *
 * Never the client's credentials or the grant: those come from the chosen client authentication
 * method and the flow, and a second copy would make a request with two values for one parameter
 * (RFC 6749 §3.2: "Request and response parameters MUST NOT be included more than once").
 * What the page says about a refused line is in extra-parameter-problems.ts (loaded with the fields).
 */

/** What the form holds for them: one textbox each, `resource` and the pairs one per line. */
export interface ExtraParameterFields {
  readonly audience: string;
  /** One resource indicator per line (RFC 8707 §2). */
  readonly resources: string;
  /** One `name=value` per line. */
  readonly extraParameters: string;
}

/**
 * Parameters the page sets itself, refused as extra names: the grant, the client's credentials
 * and assertion (any `client_assertion…`), and those with a field of their own.
 */
export function isReservedParameterName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    ['grant_type', 'client_id', 'client_secret', 'scope', 'audience', 'resource'].includes(lower) ||
    lower.startsWith('client_assertion')
  );
}

/** The trimmed lines of a multi-line field that hold something, with their 1-based numbers. */
export function filledLines(
  text: string,
): Array<{ readonly line: number; readonly value: string }> {
  return text
    .split(/\r\n|\r|\n/)
    .map((value, index) => ({ line: index + 1, value: value.trim() }))
    .filter(({ value }) => value !== '');
}

/**
 * The `name=value` lines of the `Extra parameters` field that are sent: the value is everything
 * after the first `=` (it may hold `=` itself), name and value trimmed. A line without `=`,
 * without a name, or with a reserved name (`isReservedParameterName`) is never sent.
 *
 * Does NOT decode: `a%20b` is sent as typed, its `%` form-encoded by the body.
 */
export function extraParameterPairs(text: string): Array<readonly [string, string]> {
  return filledLines(text).flatMap(({ value }) => {
    const equals = value.indexOf('=');
    const name = value.slice(0, equals).trim();
    return equals === -1 || name === '' || isReservedParameterName(name)
      ? []
      : [[name, value.slice(equals + 1).trim()] as const];
  });
}

/**
 * The body fields these parameters add, in the order they are shown: `audience`, each `resource`
 * (one per filled line), then the extra pairs that are sent.
 */
export function extraBodyFields(fields: ExtraParameterFields): Array<readonly [string, string]> {
  const audience = fields.audience.trim();
  return [
    ...(audience === '' ? [] : [['audience', audience] as const]),
    ...filledLines(fields.resources).map(({ value }) => ['resource', value] as const),
    ...extraParameterPairs(fields.extraParameters),
  ];
}
