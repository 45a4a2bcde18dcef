import { describe, expect, it } from 'vitest';
import { createCancellation } from './exchange.ts';

describe('createCancellation', () => {
  it('calls each listener once with the first reason; later cancels change nothing', () => {
    const cancellation = createCancellation();
    const heard: string[] = [];
    cancellation.onCancel((reason) => heard.push(`a:${reason.message}`));
    cancellation.onCancel((reason) => heard.push(`b:${reason.message}`));
    expect(cancellation.reason).toBeUndefined();
    cancellation.cancel(new Error('deadline'));
    cancellation.cancel(new Error('client gone'));
    expect(heard).toEqual(['a:deadline', 'b:deadline']);
    expect(cancellation.reason?.message).toBe('deadline');
  });

  it('tells a listener that comes late at once, and not one that stopped listening', () => {
    const cancellation = createCancellation();
    const heard: string[] = [];
    const stop = cancellation.onCancel(() => heard.push('stopped'));
    stop();
    cancellation.cancel(new Error('deadline'));
    cancellation.onCancel((reason) => heard.push(`late:${reason.message}`));
    expect(heard).toEqual(['late:deadline']);
  });
});
