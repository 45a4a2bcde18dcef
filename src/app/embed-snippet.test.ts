import { describe, expect, it } from 'vitest';
import { embedIframeHtml, embedResizeScript, embedSnippet } from './embed-snippet.ts';

describe('embedIframeHtml', () => {
  it('is one line with a title, clipboard permission and the address escaped for HTML', () => {
    expect(embedIframeHtml('https://play.example/?embed=1&clientId=a"b<c')).toBe(
      '<iframe src="https://play.example/?embed=1&amp;clientId=a&quot;b&lt;c" title="OAuth 2.0 client credentials playground" width="100%" height="720" style="display: block; border: 0" allow="clipboard-write" loading="lazy"></iframe>',
    );
  });
});

describe('embedResizeScript', () => {
  it('checks the sender origin and message type before resizing', () => {
    const script = embedResizeScript('https://play.example');
    expect(script).toContain('event.origin !== "https://play.example"');
    expect(script).toContain("event.data?.type !== 'client-credentials-playground:height'");
    expect(script).toContain('frame.contentWindow === event.source');
  });
});

describe('embedSnippet', () => {
  it('is the frame, then the script that sizes it for the playground origin', () => {
    const lines = embedSnippet('https://play.example/?embed=1', 'https://play.example').split('\n');
    expect(lines[0]).toMatch(/^<iframe src="https:\/\/play\.example\/\?embed=1" .*><\/iframe>$/);
    expect(lines[1]).toBe('<script>');
    expect(lines.at(-1)).toBe('</script>');
    expect(lines.join('\n')).toContain('event.origin !== "https://play.example"');
  });
});
