import type { IncomingMessage, ServerResponse } from 'node:http';

/** A web-standard handler, as the proxy is written. */
export type WebHandler = (request: Request) => Promise<Response>;

/** A Node request listener that may finish asynchronously. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** RequestInit as Node's fetch implements it: a stream body needs `duplex: 'half'`. */
interface NodeRequestInit extends RequestInit {
  duplex?: 'half';
}

/**
 * Turns a Node request into a web `Request`.
 *
 * The URL's origin comes from the `Host` header (`http://` + Host): the handler compares it with
 * the origins it serves, which is how a DNS-rebinding page (Host: attacker.example) is refused.
 * The body is streamed, not buffered: the handler counts bytes and stops early. The signal aborts
 * when the client goes away before the answer is complete.
 */
export function nodeRequestToWeb(req: IncomingMessage, res: ServerResponse): Request {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`);

  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    const value = req.rawHeaders[i + 1] ?? '';
    if (name.startsWith(':')) continue; // HTTP/2 pseudo-headers
    try {
      headers.append(name, value);
    } catch {
      // not representable in the Fetch model: the handler would ignore it anyway
    }
  }

  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });

  const method = req.method ?? 'GET';
  const init: NodeRequestInit = { method, headers, signal: controller.signal };
  if (method !== 'GET' && method !== 'HEAD') {
    let detach = () => {};
    init.body = new ReadableStream<Uint8Array>({
      start(streamController) {
        // Once the handler cancels (a body over the limit), the stream is closed for good, yet
        // `req` keeps emitting the rest of the body: every listener that feeds the stream is
        // removed first, or an `enqueue()`/`close()` on the closed stream throws out of the event
        // emitter and takes the whole process down.
        const onData = (chunk: Buffer) => {
          streamController.enqueue(
            new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength),
          );
          if ((streamController.desiredSize ?? 0) <= 0) req.pause();
        };
        const onEnd = () => {
          detach();
          streamController.close();
        };
        const onError = (error: Error) => {
          detach();
          streamController.error(error);
        };
        detach = () => {
          req.off('data', onData);
          req.off('end', onEnd);
          req.off('error', onError);
        };
        req.on('data', onData);
        req.on('end', onEnd);
        req.on('error', onError);
      },
      pull() {
        req.resume();
      },
      cancel() {
        detach();
        // Read and discard the rest, so the connection can carry our answer and the next request.
        req.resume();
      },
    });
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/** Writes a web `Response` to a Node response, streaming the body with backpressure. */
export async function writeWebResponse(
  response: Response,
  res: ServerResponse,
  method = 'GET',
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);

  if (!response.body || method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  res.on('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
      if (res.destroyed) break;
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    res.off('close', stop);
  }
}

/** Hosts a web handler on a Node http server. */
export function toNodeHandler(handler: WebHandler): NodeHandler {
  return async (req, res) => {
    let request: Request;
    try {
      request = nodeRequestToWeb(req, res);
    } catch {
      // e.g. a Host header no URL can be built from
      res.writeHead(400, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end('Bad request\n');
      return;
    }
    await writeWebResponse(await handler(request), res, req.method);
  };
}
