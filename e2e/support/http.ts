import { request, type Agent, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';

/** An answer read in full. */
export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether the request went out on a kept-alive connection of `agent`. */
  reusedSocket: boolean;
}

export interface HttpRequestOptions {
  method?: string;
  path?: string;
  headers?: OutgoingHttpHeaders;
  /** A string or buffer is sent with Content-Length; an array of chunks is sent chunked. */
  body?: string | Buffer | Buffer[];
  agent?: Agent;
  /** Fails when no complete answer arrives in time. Default 30 s. */
  timeoutMs?: number;
}

/**
 * One request with Node's own client (no redirect following, no header normalisation beyond
 * Node's), resolving with the whole answer.
 */
export function httpRequest(origin: string, options: HttpRequestOptions = {}): Promise<HttpAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
        agent: options.agent ?? false,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            reusedSocket: req.reusedSocket,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no complete answer within ${options.timeoutMs ?? 30_000} ms`)),
    );
    req.on('error', reject);
    const body = options.body;
    if (Array.isArray(body)) {
      for (const chunk of body) req.write(chunk);
    } else if (body !== undefined) {
      req.setHeader('content-length', Buffer.byteLength(body));
      req.write(body);
    }
    req.end();
  });
}

/** The parts of `GET /api/session` these suites use, typed here: a black-box test has its own view of the wire. */
export interface Session {
  proxyToken: string;
  demo: {
    tokenEndpoint: string;
    clients: { clientId: string; clientSecret: string; scope: string }[];
  };
}

export async function fetchSession(origin: string): Promise<Session> {
  const answer = await httpRequest(origin, { path: '/api/session' });
  if (answer.status !== 200)
    throw new Error(`/api/session answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as Session;
}

export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

export interface ProxyCall {
  method?: 'GET' | 'POST';
  target: string;
  body?: string | Buffer | Buffer[];
  contentType?: string;
  headers?: OutgoingHttpHeaders;
  agent?: Agent;
  timeoutMs?: number;
}

/** A call to `/api/proxy` as the page makes it (token, target, form body by default). */
export function proxyCall(
  origin: string,
  proxyToken: string,
  call: ProxyCall,
): Promise<HttpAnswer> {
  const method = call.method ?? 'POST';
  return httpRequest(origin, {
    method,
    path: '/api/proxy',
    headers: {
      'x-proxy-token': proxyToken,
      'x-proxy-target': call.target,
      accept: 'application/json',
      ...(method === 'POST'
        ? { 'content-type': call.contentType ?? 'application/x-www-form-urlencoded' }
        : {}),
      ...call.headers,
    },
    ...(call.body !== undefined ? { body: call.body } : {}),
    ...(call.agent ? { agent: call.agent } : {}),
    ...(call.timeoutMs !== undefined ? { timeoutMs: call.timeoutMs } : {}),
  });
}

/** A demo token request through the proxy, with the first demo client (client_secret_basic). */
export async function demoTokenThroughProxy(origin: string): Promise<HttpAnswer> {
  const session = await fetchSession(origin);
  const [client] = session.demo.clients;
  if (!client) throw new Error('/api/session lists no demo client');
  return proxyCall(origin, session.proxyToken, {
    target: session.demo.tokenEndpoint,
    headers: { authorization: basicAuthorization(client.clientId, client.clientSecret) },
    body: `grant_type=client_credentials&scope=${encodeURIComponent(client.scope.split(' ')[0] ?? '')}`,
  });
}

/** The proxy's own error (`{ proxyError: { code, message } }`), or undefined for a relayed answer. */
export function proxyErrorOf(answer: HttpAnswer): { code: string; message: string } | undefined {
  if (!String(answer.headers['content-type'] ?? '').startsWith('application/json'))
    return undefined;
  try {
    const parsed = JSON.parse(answer.body) as { proxyError?: { code: string; message: string } };
    return parsed.proxyError;
  } catch {
    return undefined;
  }
}
