import { connect } from 'node:net';

export interface RawExchangeOptions {
  /** Destroy the connection this long after writing, without waiting for an answer (a client that goes away). */
  abortAfterMs?: number;
  /** Stop waiting for the server after this long. Default 5 s. */
  timeoutMs?: number;
}

export interface RawExchangeResult {
  /** `HTTP/1.1 400 Bad Request`, or undefined when nothing (or no status line) came back. */
  statusLine: string | undefined;
  /** A numeric status from the status line, when there is one. */
  status: number | undefined;
  /** Whether we gave up waiting (the server neither answered nor closed). */
  timedOut: boolean;
}

/**
 * Writes bytes exactly as given on a fresh TCP connection (for what no HTTP client will send:
 * malformed request lines, lying lengths, half bodies) and reads until the server closes the
 * connection, the first answer's head is complete, or the time is up.
 */
export function rawExchange(
  port: number,
  bytes: Buffer | string,
  options: RawExchangeOptions = {},
): Promise<RawExchangeResult> {
  return new Promise((resolve, reject) => {
    let received = '';
    let settled = false;
    const socket = connect(port, '127.0.0.1');
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const statusLine = /^HTTP\/\d\.\d \d{3}[^\r\n]*/.exec(received)?.[0];
      const status = statusLine ? Number(statusLine.split(' ')[1]) : undefined;
      resolve({ statusLine, status, timedOut });
    };
    const timer = setTimeout(() => finish(true), options.timeoutMs ?? 5000);
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      socket.write(bytes);
      if (options.abortAfterMs !== undefined) setTimeout(() => finish(false), options.abortAfterMs);
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('\r\n\r\n')) finish(false);
    });
    socket.on('end', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the server answered and closed is the end of the exchange, not a failure;
      // a refused connection means the server is gone.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish(false);
      else if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(error);
      }
    });
  });
}
