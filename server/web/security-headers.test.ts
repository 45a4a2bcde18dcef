import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  FrameAncestorsError,
  htmlSecurityHeaders,
  inlineStyleHashes,
  parseFrameAncestors,
} from './security-headers.ts';

describe('contentSecurityPolicy', () => {
  it('allows only our own origin for scripts, styles and connections', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('never forbids framing: docs sites embed the playground', () => {
    expect(contentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(Object.keys(htmlSecurityHeaders())).not.toContain('x-frame-options');
  });
});

describe('inlineStyleHashes', () => {
  // Computed by Node's own crypto, not by the Web Crypto code under test.
  const sha256 = (text: string) =>
    `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

  it('hashes the exact text of each <style>, non-ASCII included, in order', async () => {
    const first = '.a{color:red}\n';
    const second = ".b::before{content:'→ ✓'}";
    const html = `<head><style>${first}</style></head><body><style>${second}</style></body>`;
    expect(await inlineStyleHashes(html)).toEqual([sha256(first), sha256(second)]);
  });

  it('finds none in a page without inline styles', async () => {
    expect(await inlineStyleHashes('<link rel="stylesheet" href="/a.css"><p>style</p>')).toEqual(
      [],
    );
  });

  it('puts the hashes in style-src only', () => {
    const csp = contentSecurityPolicy({ styleHashes: ["'sha256-abc='"] });
    expect(csp).toContain("style-src 'self' 'sha256-abc='; img-src");
    expect(csp).toContain("script-src 'self';");
  });
});

describe('htmlSecurityHeaders', () => {
  it('gives the full set for HTML', () => {
    expect(htmlSecurityHeaders()).toEqual({
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
      'cross-origin-opener-policy': 'same-origin',
    });
  });
});

describe('FRAME_ANCESTORS', () => {
  it('unset or empty: no frame-ancestors, any site may embed (decision 014)', () => {
    expect(parseFrameAncestors(undefined)).toEqual([]);
    expect(parseFrameAncestors('  ')).toEqual([]);
    expect(htmlSecurityHeaders({ frameAncestors: [] })['content-security-policy']).not.toContain(
      'frame-ancestors',
    );
  });

  it('a list of origins becomes the header CSP frame-ancestors directive', () => {
    const sources = parseFrameAncestors(
      "https://docs.example.com, https://*.example.org:8443 'self'",
    );
    expect(sources).toEqual(['https://docs.example.com', 'https://*.example.org:8443', "'self'"]);
    expect(htmlSecurityHeaders({ frameAncestors: sources })['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors https://docs.example.com https://*.example.org:8443 'self'",
    );
  });

  it("'none' forbids embedding, alone only", () => {
    expect(parseFrameAncestors("'none'")).toEqual(["'none'"]);
    expect(() => parseFrameAncestors("'none' https://a.example")).toThrow(FrameAncestorsError);
  });

  it('refuses anything that is not an origin, naming it', () => {
    for (const bad of [
      'docs.example.com',
      'https://a.example/path',
      '*',
      'https://a.example;script-src',
      'self',
      'javascript:x',
    ])
      expect(() => parseFrameAncestors(bad)).toThrow(/is not an origin like/);
  });
});
