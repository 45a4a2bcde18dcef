import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { duplexPair } from 'node:stream';

export interface InProcessRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface InProcessAnswer {
  readonly status: number;
  readonly body: string;
}

/** How long a listener of this process may take before the call gives up (it answers in milliseconds). */
const IN_PROCESS_TIMEOUT_MS = 5_000;

/**
 * Sends HTTP requests to a Node listener of this process through an in-memory stream pair: the
 * listener sees an ordinary request (headers, body, a real HTTP parser), and no socket is opened,
 * so no network access is needed or granted. The demo API reaches the demo server's introspection
 * endpoint this way, as it holds the server's keys in-process rather than fetching them.
 */
export function createInProcessClient(
  listener: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  timeoutMs = IN_PROCESS_TIMEOUT_MS,
): (request: InProcessRequest) => Promise<InProcessAnswer> {
  const server = createServer((req, res) => void listener(req, res));
  return (request) => {
    const [clientSide, serverSide] = duplexPair();
    server.emit('connection', serverSide);
    return new Promise<InProcessAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        clientSide.destroy();
        reject(error);
      };
      const outgoing = httpRequest(
        {
          method: request.method,
          path: request.path,
          headers: {
            ...request.headers,
            'content-length': String(Buffer.byteLength(request.body)),
          },
          createConnection: () => clientSide,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            clearTimeout(timer);
            clientSide.destroy();
            resolve({
              status: answer.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
          answer.on('error', fail);
        },
      );
      outgoing.on('error', fail);
      outgoing.end(request.body);
    });
  };
}
