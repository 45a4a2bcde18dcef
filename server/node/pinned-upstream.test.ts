import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCancellation, type UpstreamRequest } from '../proxy/exchange.ts';
import { createPinnedUpstream } from './pinned-upstream.ts';

// The Node host's upstream call against a real local server: what the handler relies on, each
// case a behaviour the proxy-fault suites also see end to end.

const held: ServerResponse[] = [];
let server: Server;
let origin: string;
const agents: Agent[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    switch (req.url) {
      case '/token':
        res.writeEarlyHints({ link: '</x>; rel=preload' }); // a 103 before the real answer
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-Two': ['a', 'b'] });
        res.end(JSON.stringify({ access_token: 'x'.repeat(5000) }));
        return;
      case '/cut':
        res.writeHead(200, { 'content-length': '1000' });
        res.write('partial');
        setTimeout(() => res.destroy(), 20);
        return;
      default:
        held.push(res); // never answered until the test ends
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const res of held.splice(0)) res.destroy();
  await Promise.all(agents.splice(0).map((agent) => agent.destroy()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function upstream(options: ConstructorParameters<typeof Agent>[0] = {}) {
  const agent = new Agent(options);
  agents.push(agent);
  return createPinnedUpstream(agent);
}

const post = (cancellation = createCancellation()): UpstreamRequest => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new TextEncoder().encode('grant_type=client_credentials'),
  cancellation,
});

describe('createPinnedUpstream', () => {
  it('skips a 1xx and hands on the status, the headers by lower-case name and the whole body', async () => {
    const answer = await upstream()(`${origin}/token`, post());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.headers['x-two']).toEqual(['a', 'b']);
    const body = await answer.readBody(1 << 20);
    expect(body.ok && new TextDecoder().decode(body.bytes)).toBe(
      JSON.stringify({ access_token: 'x'.repeat(5000) }),
    );
  });

  it('gives up on a body over the limit, counting what arrives', async () => {
    const answer = await upstream()(`${origin}/token`, post());
    expect(await answer.readBody(100)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('rejects the body read when the connection is cut mid-body', async () => {
    const answer = await upstream()(`${origin}/cut`, post());
    await expect(answer.readBody(1 << 20)).rejects.toThrow();
  });

  it('settles at once when cancelled while waiting for an answer, or for a connection', async () => {
    const call = upstream({ connections: 1 });
    const first = createCancellation();
    const second = createCancellation();
    const waiting = call(`${origin}/hold`, post(first));
    // With one connection, the second call queues behind the first, which is never answered.
    const queued = call(`${origin}/hold`, post(second));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    second.cancel(new DOMException('The proxy deadline passed.', 'TimeoutError'));
    await expect(queued).rejects.toMatchObject({ name: 'TimeoutError' });
    first.cancel(new DOMException('The client went away.', 'AbortError'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses to start when already cancelled', async () => {
    const cancellation = createCancellation();
    cancellation.cancel(new Error('too late'));
    await expect(upstream()(`${origin}/token`, post(cancellation))).rejects.toThrow('too late');
  });
});
