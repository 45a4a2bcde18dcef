import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, htmlSecurityHeaders } from './security-headers.ts';

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
