import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { duplexPair } from 'node:stream';

export interface InProcessAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * Sends one HTTP request to a Node listener of this process through an in-memory stream pair: the
 * listener sees an ordinary request (headers, body, a real HTTP parser), and no socket is opened,
 * so no network access is needed or granted. The demo API reaches the demo server's introspection
 * endpoint this way, as it holds the server's keys in-process rather than fetching them.
 */
export function requestInProcess(
  listener: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { method: string; path: string; headers: Record<string, string>; body: string },
): Promise<InProcessAnswer> {
  const server = createServer((req, res) => void listener(req, res));
  const [clientSide, serverSide] = duplexPair();
  server.emit('connection', serverSide);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        method: options.method,
        path: options.path,
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        createConnection: () => clientSide,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          clientSide.destroy();
          resolve({ status: answer.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        answer.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
