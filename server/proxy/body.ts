import { concatBytes, type Cancellation } from './exchange.ts';

export type LimitedBody =
  { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: 'too_large' | 'aborted' };

/**
 * Reads a whole body stream, giving up as soon as it exceeds `maxBytes`.
 *
 * Counts the bytes actually streamed: a `Content-Length` header can be absent (chunked) or lie,
 * so callers check it first for a cheap early refusal and rely on this for the truth. On giving
 * up, the stream is cancelled so the sender stops.
 *
 * `cancellation` (the deadline, the client going away) ends the read with `aborted` and cancels the
 * stream: a sender trickling one byte at a time cannot hold the caller past its deadline.
 */
export async function readBodyWithLimit(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  cancellation?: Cancellation,
): Promise<LimitedBody> {
  if (stream === null) return { ok: true, bytes: new Uint8Array(0) };
  if (cancellation?.reason !== undefined) {
    await stream.cancel().catch(() => undefined);
    return { ok: false, reason: 'aborted' };
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    // A pending read() resolves as done once the stream is cancelled.
    void reader.cancel().catch(() => undefined);
  };
  const stopListening = cancellation?.onCancel(onAbort);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (aborted) return { ok: false, reason: 'aborted' };
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } finally {
    stopListening?.();
    reader.releaseLock();
  }
  return { ok: true, bytes: concatBytes(chunks, total) };
}

/**
 * The declared `Content-Length`, or undefined when absent or not a plain decimal number (then
 * only the streamed count decides).
 */
export function declaredContentLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
