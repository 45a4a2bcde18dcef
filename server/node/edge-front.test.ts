import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEdgeFront } from './edge-front.ts';

// The front against a stand-in for workerd that echoes what reached it.
let workerd: Server;
let workerdConnections = 0;
let front: Server;
let frontPort: number;
const received: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];

const portOf = (server: Server) => (server.address() as AddressInfo).port;

beforeAll(async () => {
  workerd = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(201, { 'content-type': 'text/plain', 'x-from': 'workerd' });
      res.end('made');
    });
  });
  workerd.on('connection', () => workerdConnections++);
  await new Promise<void>((resolve) => workerd.listen(0, '127.0.0.1', resolve));
  front = createEdgeFront({
    origins: 'http://127.0.0.1:4173,https://docs.example',
    workerdPort: portOf(workerd),
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontPort = portOf(front);
});
afterAll(async () => {
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  await new Promise((resolve) => workerd.close(resolve));
});

/** One raw request, the whole answer as text. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(frontPort, '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('the local edge front', () => {
  it('forwards a request under one of our hosts, with CF-Connecting-IP from the socket and no MF-* header', async () => {
    const answer = await raw(
      'POST /api/proxy?x=1 HTTP/1.1\r\nHost: docs.example\r\nCF-Connecting-IP: 203.0.113.9\r\n' +
        'MF-Op: GET\r\nMF-CF-Blob: {}\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbody',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(answer).toMatch(/x-from: workerd/);
    expect(answer).toContain('\r\n\r\n4\r\nmade\r\n');
    const last = received.at(-1);
    expect(last?.url).toBe('/api/proxy?x=1');
    expect(last?.body).toBe('body');
    expect(last?.headers.host).toBe('docs.example');
    expect(last?.headers['cf-connecting-ip']).toBe('127.0.0.1');
    expect(Object.keys(last?.headers ?? {}).filter((name) => name.startsWith('mf-'))).toEqual([]);
  });

  it.each([
    ['a foreign host', 'Host: evil.example:4173', /^HTTP\/1\.1 403 [\s\S]*"code":"unknown_host"/],
    ['a trailing dot', 'Host: 127.0.0.1:4173.', /^HTTP\/1\.1 403 [\s\S]*"code":"unknown_host"/],
    ['no host at all', 'X-None: 1', /^HTTP\/1\.1 400 /],
  ])('refuses %s before workerd sees it', async (_case, hostLine, expected) => {
    const before = received.length;
    expect(await raw(`GET / HTTP/1.1\r\n${hostLine}\r\nConnection: close\r\n\r\n`)).toMatch(
      expected,
    );
    expect(received.length).toBe(before);
  });

  it.each(['*', 'http://evil.example/api/session'])(
    'answers a request target %s with 400, before workerd sees it',
    async (target) => {
      const before = received.length;
      const answer = await raw(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:4173\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(received.length).toBe(before);
    },
  );

  it('answers a message Node cannot frame (two Content-Length values) with 400', async () => {
    const answer = await raw(
      'POST /api/proxy HTTP/1.1\r\nHost: 127.0.0.1:4173\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('opens a new connection to workerd for every request, so no answer reaches the wrong one', async () => {
    const before = workerdConnections;
    const keepAlive = 'Host: 127.0.0.1:4173\r\nConnection: keep-alive\r\n';
    // Two requests on one client connection: each still gets its own connection to workerd.
    const answer = await raw(
      `GET /a HTTP/1.1\r\n${keepAlive}\r\nGET /b HTTP/1.1\r\nHost: 127.0.0.1:4173\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.match(/HTTP\/1\.1 201 /g)).toHaveLength(2);
    expect(workerdConnections - before).toBe(2);
    expect(received.slice(-2).map(({ url }) => url)).toEqual(['/a', '/b']);
  });
});
