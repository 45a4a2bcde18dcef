import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * Draws the page with fonts the repository ships (DejaVu Sans and Sans Mono, e2e/fonts), so a
 * screenshot does not depend on which fonts the machine has: `system-ui` and `ui-monospace` are
 * whatever fontconfig picks, and one more font package installed moves text by a pixel.
 * The user's page keeps its own font stacks; only the test rewrites them.
 *
 * Fonts are given to the page as bytes (FontFace API) and the rules are changed through the CSSOM,
 * so the page's Content-Security-Policy stays as served (no inline style, no font URL).
 */
const fontFiles = {
  sans: { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  mono: { regular: 'DejaVuSansMono.ttf', bold: 'DejaVuSansMono-Bold.ttf' },
} as const;

const fontsDirectory = new URL('../fonts/', import.meta.url);

function readFontBase64(file: string): string {
  return readFileSync(new URL(file, fontsDirectory)).toString('base64');
}

const SANS = 'VisualTestSans';
const MONO = 'VisualTestMono';

export async function useShippedFonts(page: Page): Promise<void> {
  const faces = [
    { family: SANS, weight: '400', data: readFontBase64(fontFiles.sans.regular) },
    { family: SANS, weight: '700', data: readFontBase64(fontFiles.sans.bold) },
    { family: MONO, weight: '400', data: readFontBase64(fontFiles.mono.regular) },
    { family: MONO, weight: '700', data: readFontBase64(fontFiles.mono.bold) },
  ];
  await page.evaluate(
    async ({ faces, sans, mono }) => {
      for (const face of faces) {
        const bytes = Uint8Array.from(atob(face.data), (char) => char.charCodeAt(0));
        const fontFace = new FontFace(face.family, bytes, { weight: face.weight });
        document.fonts.add(await fontFace.load());
      }
      // Every font stack the page's own style sheets declare becomes one of the shipped fonts:
      // a stack naming `monospace` the mono one, any other the sans one (`inherit` stays).
      const rewrite = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSStyleRule) {
            const family = rule.style.getPropertyValue('font-family');
            if (family && !['inherit', 'initial', 'unset'].includes(family.trim())) {
              rule.style.setProperty('font-family', family.includes('monospace') ? mono : sans);
            }
          }
          if ('cssRules' in rule && rule.cssRules instanceof CSSRuleList) rewrite(rule.cssRules);
        }
      };
      for (const sheet of Array.from(document.styleSheets)) rewrite(sheet.cssRules);
      // Elements the page leaves to the browser's defaults (form controls, `pre`, `kbd`, …):
      // zero specificity, so every rule of the page still wins over these.
      const defaults = new CSSStyleSheet();
      defaults.replaceSync(
        `:where(*) { font-family: ${sans}; }
         :where(pre, code, kbd, samp, tt, textarea) { font-family: ${mono}; }`,
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, defaults];
      await document.fonts.ready;
      // Filling a field scrolled it into view while the machine's fonts laid the page out, and
      // the sticky outputs pane is drawn relative to that scroll position: start from the top.
      window.scrollTo(0, 0);
    },
    { faces, sans: SANS, mono: MONO },
  );
}
