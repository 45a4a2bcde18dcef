import { Agent } from 'node:http';
import { connect } from 'node:net';
import {
  demoTokenThroughProxy,
  fetchSession,
  httpRequest,
  proxyCall,
  type HttpAnswer,
  type Session,
} from './http.ts';
import { rawExchange } from './raw-socket.ts';
import { closedPort, type UpstreamStubs } from './upstream-stubs.ts';

/** The proxy's request body limit (16 KiB, README "Proxy"); one byte more is over it. */
export const OVER_REQUEST_LIMIT = 16 * 1024 + 1;

/** What every fault needs: the running playground, its session and the local upstreams. */
export interface FaultContext {
  origin: string;
  port: number;
  session: Session;
  stubs: UpstreamStubs;
}

export async function faultContext(
  origin: string,
  port: number,
  stubs: UpstreamStubs,
): Promise<FaultContext> {
  return { origin, port, session: await fetchSession(origin), stubs };
}

const tokenBody = 'grant_type=client_credentials&scope=customScope';

function callStub(ctx: FaultContext, target: string, method: 'GET' | 'POST' = 'POST') {
  return proxyCall(ctx.origin, ctx.session.proxyToken, {
    method,
    target,
    ...(method === 'POST' ? { body: tokenBody } : {}),
  });
}

/**
 * Each fault the proxy must survive, performed against a running playground. Each resolves with what the
 * client saw; the fault suite asserts on it, the process-level suite only needs the server to
 * survive them all.
 */
export const faults = {
  connectionRefused: async (ctx: FaultContext) =>
    callStub(ctx, `http://127.0.0.1:${await closedPort()}/token`),

  /** `.invalid` never resolves (RFC 6761 §6.4); a public https host is allowed by default. */
  dnsFailure: (ctx: FaultContext) =>
    callStub(ctx, 'https://no-such-authorization-server.invalid/token'),

  selfSignedCertificate: (ctx: FaultContext) =>
    callStub(ctx, `https://127.0.0.1:${ctx.stubs.tlsPort}/token`),

  /** https to a port that speaks plain HTTP: a protocol mismatch, not a certificate problem. */
  httpsToPlainPort: (ctx: FaultContext) =>
    callStub(ctx, `https://127.0.0.1:${ctx.stubs.httpPort}/token`),

  /** An upstream that accepts the request and never answers: only the proxy's deadline ends it. */
  neverAnswers: (ctx: FaultContext) => callStub(ctx, `http://127.0.0.1:${ctx.stubs.httpPort}/hang`),

  closesMidBody: (ctx: FaultContext) =>
    callStub(ctx, `http://127.0.0.1:${ctx.stubs.httpPort}/close-mid-body`),

  garbageInsteadOfHttp: (ctx: FaultContext) =>
    callStub(ctx, `http://127.0.0.1:${ctx.stubs.garbagePort}/token`),

  htmlServerError: (ctx: FaultContext) =>
    callStub(ctx, `http://127.0.0.1:${ctx.stubs.httpPort}/html-500`),

  twoMiBDeclared: (ctx: FaultContext) =>
    callStub(ctx, `http://127.0.0.1:${ctx.stubs.httpPort}/big-declared`, 'GET'),

  twoMiBChunked: (ctx: FaultContext) =>
    callStub(ctx, `http://127.0.0.1:${ctx.stubs.httpPort}/big-chunked`, 'GET'),

  redirectToMetadata: (ctx: FaultContext) =>
    callStub(ctx, `http://127.0.0.1:${ctx.stubs.httpPort}/redirect-metadata`),

  redirectToCountingStub: (ctx: FaultContext) =>
    callStub(ctx, `http://127.0.0.1:${ctx.stubs.httpPort}/redirect-local`),

  /** Announces 1000 bytes of body to the proxy or the demo token endpoint, sends 100, and goes away. */
  clientLeavesMidUpload: async (
    ctx: FaultContext,
    path: '/api/proxy' | '/demo/token' = '/api/proxy',
  ): Promise<void> => {
    const head =
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${ctx.port}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n` +
      `X-Proxy-Token: ${ctx.session.proxyToken}\r\n` +
      `X-Proxy-Target: http://127.0.0.1:${ctx.stubs.httpPort}/token\r\n\r\n`;
    await rawExchange(ctx.port, head + 'a'.repeat(100), { abortAfterMs: 100 });
  },

  /**
   * Sends a whole token request to an upstream that takes 1 s, and goes away while the proxy
   * waits for it. Resolves once the upstream has seen the request (the proxy did call it).
   */
  clientLeavesWhileUpstreamWorks: async (ctx: FaultContext): Promise<void> => {
    const before = ctx.stubs.hits('/slow');
    const request =
      `POST /api/proxy HTTP/1.1\r\nHost: 127.0.0.1:${ctx.port}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${tokenBody.length}\r\n` +
      `X-Proxy-Token: ${ctx.session.proxyToken}\r\n` +
      `X-Proxy-Target: http://127.0.0.1:${ctx.stubs.httpPort}/slow\r\n\r\n${tokenBody}`;
    await rawExchange(ctx.port, request, { abortAfterMs: 300 });
    const deadline = Date.now() + 2000;
    while (ctx.stubs.hits('/slow') === before && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    // Past the upstream's 1 s: whatever the proxy does with the abandoned call has happened.
    await new Promise((resolve) => setTimeout(resolve, 1200));
  },

  /**
   * A client that announces a 100-byte token request and sends it one byte per second (reading
   * the body once escaped the deadline). Resolves with the head of whatever answer came,
   * and when; gives up after `giveUpMs`.
   */
  slowBody: (
    ctx: FaultContext,
    giveUpMs: number,
  ): Promise<{ head: string | undefined; elapsedMs: number }> =>
    new Promise((resolve) => {
      const started = Date.now();
      const socket = connect(ctx.port, '127.0.0.1');
      let received = '';
      let drip: NodeJS.Timeout | undefined;
      const finish = () => {
        clearInterval(drip);
        clearTimeout(giveUp);
        socket.destroy();
        const end = received.indexOf('\r\n\r\n');
        resolve({
          head: end === -1 ? undefined : received.slice(0, end),
          elapsedMs: Date.now() - started,
        });
      };
      const giveUp = setTimeout(finish, giveUpMs);
      socket.setEncoding('latin1');
      socket.on('connect', () => {
        socket.write(
          `POST /api/proxy HTTP/1.1\r\nHost: 127.0.0.1:${ctx.port}\r\n` +
            `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n` +
            `X-Proxy-Token: ${ctx.session.proxyToken}\r\n` +
            `X-Proxy-Target: ${ctx.session.demo.tokenEndpoint}\r\n\r\n`,
        );
        drip = setInterval(() => socket.write('a'), 1000);
      });
      socket.on('data', (chunk: string) => {
        received += chunk;
        if (received.includes('\r\n\r\n')) finish();
      });
      socket.on('close', finish);
      socket.on('error', () => undefined);
    }),

  /**
   * An oversize body, then a second request on the same kept-alive connection. `chunked`: no
   * length announced, the proxy must count (sent in 1 KiB chunks, so more keeps arriving after
   * the limit is crossed); `content-length`: announced up front.
   */
  oversizeBody: async (
    ctx: FaultContext,
    framing: 'chunked' | 'content-length',
    size: number,
  ): Promise<{ first: HttpAnswer; followUp: HttpAnswer }> => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const body = Buffer.from(`scope=${'a'.repeat(size - 'scope='.length)}`);
      const chunks: Buffer[] = [];
      for (let offset = 0; offset < body.length; offset += 1024)
        chunks.push(body.subarray(offset, offset + 1024));
      const first = await proxyCall(ctx.origin, ctx.session.proxyToken, {
        target: ctx.session.demo.tokenEndpoint,
        body: framing === 'chunked' ? chunks : body,
        agent,
      });
      const followUp = await httpRequest(ctx.origin, { path: '/api/session', agent });
      return { first, followUp };
    } finally {
      agent.destroy();
    }
  },
};

/** The three answers that show the process still serves the page, the session and the demo. */
export async function stillServing(
  origin: string,
): Promise<{ page: number; session: number; demoToken: number }> {
  const page = await httpRequest(origin, { path: '/' });
  const session = await httpRequest(origin, { path: '/api/session' });
  const demoToken = await demoTokenThroughProxy(origin);
  return { page: page.status, session: session.status, demoToken: demoToken.status };
}
