import type { ProxyLogEntry } from '../proxy/proxy-core.ts';

/**
 * One proxied call as one log line: `proxy POST dev-123.okta.com 200 41ms`, plus the error code
 * when there is one. Method, host, status, time and code only: never a header value, a body, a
 * path or query string, or a token (ProxyLogEntry carries nothing else).
 */
export function formatProxyLogLine(entry: ProxyLogEntry): string {
  return `proxy ${entry.method} ${entry.targetHost} ${entry.status}${entry.errorCode ? ` ${entry.errorCode}` : ''} ${entry.elapsedMs}ms`;
}

export interface LineWriter {
  /** Queues one line (without its newline). */
  line: (text: string) => void;
  /** Writes what is queued now (before the process exits). */
  flush: () => void;
}

/**
 * Collects log lines and writes them together once per turn of the event loop (or as soon as
 * `maxBufferedChars` are waiting): under load, one write for many requests instead of one
 * synchronous write per request (stdout to a file or pipe is synchronous in Node).
 */
export function createLineWriter(
  write: (text: string) => void,
  maxBufferedChars = 64 * 1024,
): LineWriter {
  let pending: string[] = [];
  let size = 0;
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    write(text);
  }

  return {
    line(text) {
      pending.push(`${text}\n`);
      size += text.length + 1;
      if (size >= maxBufferedChars) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
