import { describe, expect, it } from 'vitest';
import { embedHeightMessage, parentTargetOrigin } from './embed-message.ts';

describe('embedHeightMessage', () => {
  it('has the documented shape and rounds up', () => {
    expect(embedHeightMessage(612.2)).toEqual({
      type: 'client-credentials-playground:height',
      height: 613,
    });
    expect(embedHeightMessage(480)).toEqual({
      type: 'client-credentials-playground:height',
      height: 480,
    });
  });

  it('sends nothing for a height that is not a size', () => {
    expect(embedHeightMessage(0)).toBeNull();
    expect(embedHeightMessage(-3)).toBeNull();
    expect(embedHeightMessage(Number.NaN)).toBeNull();
    expect(embedHeightMessage(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('parentTargetOrigin', () => {
  it('prefers the origin the browser reports for the parent', () => {
    expect(parentTargetOrigin(['https://docs.example.com'], 'https://other.example/page')).toBe(
      'https://docs.example.com',
    );
  });

  it('falls back to the origin of the referring page, never its path or query', () => {
    expect(parentTargetOrigin(undefined, 'https://docs.example.com:8443/guide?x=1#y')).toBe(
      'https://docs.example.com:8443',
    );
  });

  it('uses * when the parent has no origin that can be named', () => {
    expect(parentTargetOrigin(['null'], '')).toBe('*');
    expect(parentTargetOrigin(['file://'], '')).toBe('*');
    expect(parentTargetOrigin(undefined, '')).toBe('*');
    expect(parentTargetOrigin(undefined, 'not a url')).toBe('*');
    expect(parentTargetOrigin(undefined, 'file:///home/me/docs.html')).toBe('*');
  });
});
