import { embedHeightMessage, parentTargetOrigin } from './embed-message.ts';

/** Typing, an answer arriving or a hint appearing can resize the page many times a second. */
const DEBOUNCE_MS = 60;

/**
 * While framed (`embed=1` inside an iframe), tells the parent page the content's height on load and
 * whenever it changes (a `ResizeObserver` on `<body>`, whose height is the content's, not the
 * frame's), debounced and only when it differs from the last one sent. See core/embed-message.ts
 * for the message and its target origin. Returns the function that stops it.
 */
export function reportHeightToParent(): () => void {
  if (window.parent === window) return () => undefined;
  const targetOrigin = parentTargetOrigin(
    window.location.ancestorOrigins ? [...window.location.ancestorOrigins] : undefined,
    document.referrer,
  );
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    const message = embedHeightMessage(document.body.getBoundingClientRect().height);
    if (message === null || message.height === lastSent) return;
    lastSent = message.height;
    window.parent.postMessage(message, targetOrigin);
  };
  const observer = new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(send, DEBOUNCE_MS);
  });
  observer.observe(document.body);
  send();
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
