import { EMBED_HEIGHT_MESSAGE_TYPE } from './embed-message.ts';

/** The iframe's accessible name: a frame without a `title` is unnamed to screen readers. */
export const EMBED_TITLE = 'OAuth 2.0 client credentials playground';

/** Escapes text for a double-quoted HTML attribute value (HTML §13.1.2.3). */
function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/**
 * The one line of HTML a documentation page pastes to embed the playground at `src` (an absolute
 * URL whose query already holds `embed=1` and the non-secret settings: the caller builds it from
 * the shareable state, which never holds a secret). `allow="clipboard-write"` lets the Copy
 * buttons work inside the frame; `border: 0` drops the browser's inset frame border (the embed
 * draws its own background), and `display: block` the gap an inline frame leaves below it; the
 * height is a starting size that the resize script corrects.
 */
export function embedIframeHtml(src: string, height = 720): string {
  return `<iframe src="${escapeAttribute(src)}" title="${EMBED_TITLE}" width="100%" height="${height}" style="display: block; border: 0" allow="clipboard-write" loading="lazy"></iframe>`;
}

/** Everything a documentation page pastes, in one piece: the frame, then the script that sizes it. */
export function embedSnippet(src: string, origin: string): string {
  return `${embedIframeHtml(src)}\n${embedResizeScript(origin)}`;
}

/**
 * A script for the host page that sizes every frame of the playground at `origin` to the height it
 * reports. It accepts a message only from that origin and only from one of those frames' windows.
 */
export function embedResizeScript(origin: string): string {
  const quoted = JSON.stringify(origin);
  return [
    '<script>',
    "addEventListener('message', (event) => {",
    `  if (event.origin !== ${quoted} || event.data?.type !== '${EMBED_HEIGHT_MESSAGE_TYPE}') return;`,
    "  for (const frame of document.querySelectorAll('iframe')) {",
    '    if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;',
    '  }',
    '});',
    '</script>',
  ].join('\n');
}
