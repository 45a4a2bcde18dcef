import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LimitedBody } from '../proxy/body.ts';
import {
  concatBytes,
  type Cancellation,
  type ProxyRequest,
  type ProxyResult,
} from '../proxy/exchange.ts';
import { CLIENT_CLOSED_STATUS } from '../proxy/proxy-core.ts';

/** The handler, as every host runs it. */
export type ExchangeHandler = (request: ProxyRequest) => Promise<ProxyResult>;

/**
 * Reads a Node request body up to `maxBytes`, until `cancellation` fires.
 *
 * On giving up (too large, too slow) it stops collecting but leaves the stream flowing, so the
 * rest of the body is read and dropped: the connection can still carry the answer and, once the
 * body is through, the next keep-alive request. (Node itself bounds how long that may take:
 * `requestTimeout` in create-server.ts.)
 */
function readNodeBody(
  req: IncomingMessage,
  maxBytes: number,
  cancellation: Cancellation,
): Promise<LimitedBody> {
  if (req.readableEnded) return Promise.resolve({ ok: true, bytes: new Uint8Array(0) });
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let stopListening = () => {};
    const finish = (result: LimitedBody) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
      stopListening();
      req.resume();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) finish({ ok: false, reason: 'too_large' });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, bytes: concatBytes(chunks, total) });
    const onGone = () => finish({ ok: false, reason: 'aborted' });
    if (cancellation.reason !== undefined) {
      onGone();
      return;
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
    stopListening = cancellation.onCancel(onGone);
  });
}

/**
 * A Node request as the handler's request: plain fields taken as Node already parsed them, no web
 * `Request`. The origin is `http://` + the Host header, lower-cased (the handler compares it with
 * the origins it serves: a DNS-rebinding page arrives as `Host: attacker.example`). The client is
 * the socket's remote address, for the per-client rate limit.
 */
export function nodeProxyRequest(req: IncomingMessage, res: ServerResponse): ProxyRequest {
  const target = req.url ?? '/';
  const query = target.indexOf('?');
  return {
    method: req.method ?? 'GET',
    path: query === -1 ? target : target.slice(0, query),
    origin: `http://${(req.headers.host ?? 'localhost').toLowerCase()}`,
    headers: req.headers,
    readBody: (maxBytes, cancellation) => readNodeBody(req, maxBytes, cancellation),
    onClientClose(listener) {
      // `res` lives for this one call: its listener needs no removal, only to stop acting.
      let watching = true;
      res.on('close', () => {
        if (watching) listener();
      });
      return () => {
        watching = false;
      };
    },
    clientId: req.socket.remoteAddress,
  };
}

/** Writes the handler's result in one go: status, headers with Content-Length, and the body. */
export function writeProxyResult(res: ServerResponse, result: ProxyResult): void {
  if (res.destroyed) return;
  if (result.status === CLIENT_CLOSED_STATUS) {
    res.destroy(); // the client is gone: there is nobody to answer
    return;
  }
  const body = typeof result.body === 'string' ? Buffer.from(result.body) : result.body;
  const headers: Record<string, string> = { ...result.headers };
  if (body !== null) headers['content-length'] = String(body.byteLength);
  res.writeHead(result.status, headers);
  res.end(body ?? undefined);
}

/** Hosts the handler on a Node http server. */
export function toNodeListener(
  handler: ExchangeHandler,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    writeProxyResult(res, await handler(nodeProxyRequest(req, res)));
  };
}
