// The host side of the embed (README "Embedding"): size each playground frame to the height it
// reports. Only messages from the playground's origin and from one of the frames are used.
const PLAYGROUND_ORIGIN = window.location.origin;

window.addEventListener('message', (event) => {
  if (event.origin !== PLAYGROUND_ORIGIN) return;
  if (event.data?.type !== 'client-credentials-playground:height') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;
  }
});
