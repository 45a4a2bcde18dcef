import { describe, expect, it } from 'vitest';
import { createLineWriter, formatProxyLogLine } from './log-lines.ts';

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('formatProxyLogLine', () => {
  it('gives method, host, status, code and time', () => {
    expect(
      formatProxyLogLine({
        method: 'POST',
        targetHost: 'a.example:8443',
        status: 200,
        elapsedMs: 41,
      }),
    ).toBe('proxy POST a.example:8443 200 41ms');
    expect(
      formatProxyLogLine({
        method: 'GET',
        targetHost: '-',
        status: 499,
        elapsedMs: 3,
        errorCode: 'client_closed',
      }),
    ).toBe('proxy GET - 499 client_closed 3ms');
  });
});

describe('createLineWriter', () => {
  it('writes the lines of one interval together, in order, after it', async () => {
    const writes: string[] = [];
    const writer = createLineWriter((text) => writes.push(text), { intervalMs: 20 });
    writer.line('one');
    writer.line('two');
    expect(writes).toEqual([]);
    await after(60);
    expect(writes).toEqual(['one\ntwo\n']);
    writer.line('three');
    await after(60);
    expect(writes).toEqual(['one\ntwo\n', 'three\n']);
  });

  it('writes at once when the buffer is full, and on flush', () => {
    const writes: string[] = [];
    const writer = createLineWriter((text) => writes.push(text), { maxBufferedChars: 8 });
    writer.line('1234');
    writer.line('5678');
    expect(writes).toEqual(['1234\n5678\n']);
    writer.line('x');
    writer.flush();
    expect(writes).toEqual(['1234\n5678\n', 'x\n']);
    writer.flush();
    expect(writes).toHaveLength(2);
  });
});
