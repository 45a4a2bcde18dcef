/**
 * The one message an embedded playground sends to the page that frames it: its content height, so
 * the host can size the iframe. A documented contract (README "Embedding"): change it only on
 * purpose. It carries a number and nothing else, never a form value, so even a target origin of
 * `*` discloses no secret.
 */
export const EMBED_HEIGHT_MESSAGE_TYPE = 'client-credentials-playground:height';

export interface EmbedHeightMessage {
  readonly type: typeof EMBED_HEIGHT_MESSAGE_TYPE;
  /** The content's height in CSS pixels, rounded up so the host never cuts off the last pixel row. */
  readonly height: number;
}

/** The message for a measured height; `null` for a height that is not a finite, positive size. */
export function embedHeightMessage(measured: number): EmbedHeightMessage | null {
  if (!Number.isFinite(measured) || measured <= 0) return null;
  return { type: EMBED_HEIGHT_MESSAGE_TYPE, height: Math.ceil(measured) };
}

/**
 * The `targetOrigin` for `postMessage` to the parent: the parent's origin when the browser tells
 * it (`location.ancestorOrigins`, Chromium and Safari) or the framing page's address leaks it
 * (`document.referrer`), else `*`. An opaque origin (`null`, a sandboxed or `file:` host) can only
 * be reached with `*`. Does NOT decide whether to send: the caller sends only to `window.parent`.
 */
export function parentTargetOrigin(
  ancestorOrigins: readonly string[] | undefined,
  referrer: string,
): string {
  const nearest = ancestorOrigins?.[0];
  if (nearest !== undefined) return isTupleOrigin(nearest) ? nearest : '*';
  if (!referrer) return '*';
  try {
    const origin = new URL(referrer).origin;
    return isTupleOrigin(origin) ? origin : '*';
  } catch {
    return '*';
  }
}

function isTupleOrigin(origin: string): boolean {
  return origin.startsWith('http://') || origin.startsWith('https://');
}
