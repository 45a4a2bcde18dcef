import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapterClass } from './memory-adapter.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the demo memory adapter', () => {
  it('keeps at most 100 registered clients: the oldest goes first', async () => {
    const Adapter = createMemoryAdapterClass();
    const clients = new Adapter('Client');
    for (let i = 0; i <= 100; i += 1)
      await clients.upsert(`client-${i}`, { client_id: `client-${i}` });
    expect(await clients.find('client-0')).toBeUndefined();
    expect(await clients.find('client-1')).toEqual({ client_id: 'client-1' });
    expect(await clients.find('client-100')).toEqual({ client_id: 'client-100' });
  });

  it('a registered client (stored without a lifetime) does not expire', async () => {
    vi.useFakeTimers();
    const clients = new (createMemoryAdapterClass())('Client');
    await clients.upsert('kept', { client_id: 'kept' });
    vi.advanceTimersByTime(365 * 24 * 3600 * 1000);
    expect(await clients.find('kept')).toEqual({ client_id: 'kept' });
  });

  it('remembers a seen jti until it expires, and keeps each model apart', async () => {
    vi.useFakeTimers();
    const Adapter = createMemoryAdapterClass();
    const seen = new Adapter('ReplayDetection');
    await seen.upsert('fingerprint', { iss: 'client' }, 300);
    // Many registrations do not push seen assertion IDs out: each model has its own cap.
    const clients = new Adapter('Client');
    for (let i = 0; i < 150; i += 1) await clients.upsert(`c${i}`, { client_id: `c${i}` });
    expect(await new Adapter('Client').find('fingerprint')).toBeUndefined();
    vi.advanceTimersByTime(299_000);
    expect(await seen.find('fingerprint')).toEqual({ iss: 'client' });
    vi.advanceTimersByTime(1_000);
    expect(await seen.find('fingerprint')).toBeUndefined();
  });

  it('keeps up to 10,000 seen assertion IDs', async () => {
    const seen = new (createMemoryAdapterClass())('ReplayDetection');
    for (let i = 0; i <= 10_000; i += 1) await seen.upsert(`jti-${i}`, { iss: 'c' }, 300);
    expect(await seen.find('jti-0')).toBeUndefined();
    expect(await seen.find('jti-1')).toEqual({ iss: 'c' });
  });

  it('revokes every entry of a grant across models', async () => {
    const Adapter = createMemoryAdapterClass();
    const tokens = new Adapter('AccessToken');
    const codes = new Adapter('AuthorizationCode');
    await tokens.upsert('t1', { grantId: 'g' }, 60);
    await codes.upsert('c1', { grantId: 'g' }, 60);
    await tokens.upsert('t2', { grantId: 'other' }, 60);
    await tokens.revokeByGrantId('g');
    expect(await tokens.find('t1')).toBeUndefined();
    expect(await codes.find('c1')).toBeUndefined();
    expect(await tokens.find('t2')).toEqual({ grantId: 'other' });
  });
});
