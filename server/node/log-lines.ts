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
 * Collects log lines and writes them together every `intervalMs` (or as soon as
 * `maxBufferedChars` are waiting): one write for many requests instead of one synchronous write
 * per request (stdout to a file or pipe is synchronous in Node). The timer does not keep the
 * process alive; whoever stops the process calls `flush()` first.
 */
export function createLineWriter(
  write: (text: string) => void,
  { intervalMs = 100, maxBufferedChars = 64 * 1024 } = {},
): LineWriter {
  let pending: string[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
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
      else if (timer === undefined) {
        timer = setTimeout(flush, intervalMs);
        timer.unref();
      }
    },
    flush,
  };
}
