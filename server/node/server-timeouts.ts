/** The http server's own limits, set explicitly rather than left to Node's defaults. */
export interface ServerTimeouts {
  /** Time for a client to send its request headers (Node: `headersTimeout`). */
  headersMs: number;
  /**
   * Time for a client to send its whole request (Node: `requestTimeout`, default 300 s). Longer
   * than the proxy's own 15 s deadline, which covers the body read and answers with a JSON
   * `request_timeout`: this one is the backstop for everything else (Node answers it with a
   * plain-text 408 and closes the connection).
   */
  requestMs: number;
  /** How long an idle keep-alive connection stays open (Node: `keepAliveTimeout`). */
  keepAliveMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: Readonly<ServerTimeouts> = {
  headersMs: 10_000,
  requestMs: 20_000,
  keepAliveMs: 5_000,
};
