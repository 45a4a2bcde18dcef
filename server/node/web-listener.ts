import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A web-standard handler of body-less requests (the demo API: `GET` only) as a Node listener. The
 * request URL is rebuilt from the Host header the client sent, because that is the URL a DPoP
 * proof's `htu` must name (RFC 9449 §4.3); `fallbackOrigin` serves a request without one. A body,
 * if any, is not read: the handler answers from the method and headers alone.
 */
export function toWebListener(
  handler: (request: Request) => Promise<Response>,
  fallbackOrigin: string,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const host = req.headers.host;
    const origin = host === undefined ? fallbackOrigin : `http://${host}`;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      url = new URL(req.url ?? '/', fallbackOrigin);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    const response = await handler(new Request(url, { method: req.method ?? 'GET', headers }));
    const outgoing: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      outgoing[name] = value;
    });
    res.writeHead(response.status, outgoing);
    res.end(Buffer.from(await response.arrayBuffer()));
    req.resume();
  };
}
