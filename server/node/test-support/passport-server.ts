import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import oauth2orize from 'oauth2orize';
import { Authenticator } from 'passport';
import { BasicStrategy } from 'passport-http';
import { Strategy as ClientPasswordStrategy } from 'passport-oauth2-client-password';
import type { DemoClient } from '../../../src/core/proxy/proxy-protocol.ts';

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;
type ErrorMiddleware = (
  error: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

/**
 * A third kind of real authorization server for interoperability tests, as its READMEs wire it:
 * `oauth2orize` 1.12 for the token endpoint, passport-http's `BasicStrategy` for
 * client_secret_basic (raw bytes, no form-decoding; it cuts the password at a second `:`, and
 * answers a failure with a plain-text `Unauthorized` and `WWW-Authenticate: Basic realm="Users"`)
 * and `passport-oauth2-client-password` for client_secret_post.
 *
 * A Node listener for `POST /token` (prefix removed), one registered client.
 */
export function createPassportTokenEndpoint(
  client: DemoClient,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const passport = new Authenticator();
  const verify = (
    id: string,
    secret: string,
    done: (error: Error | null, found?: object | false) => void,
  ) => done(null, id === client.clientId && secret === client.clientSecret ? { id } : false);
  passport.use(new BasicStrategy(verify));
  passport.use(new ClientPasswordStrategy(verify));

  const server = oauth2orize.createServer();
  server.exchange(
    oauth2orize.exchange.clientCredentials((found, scope, done) =>
      done(null, randomBytes(16).toString('hex'), undefined, { expires_in: 3600 }),
    ),
  );
  const steps: Middleware[] = [
    passport.initialize() as unknown as Middleware,
    passport.authenticate(['basic', 'oauth2-client-password'], {
      session: false,
    }) as unknown as Middleware,
    server.token() as unknown as Middleware,
  ];
  const errorHandler = server.errorHandler() as unknown as ErrorMiddleware;

  return async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    // What a body parser (express.urlencoded) gives oauth2orize and the client-password strategy.
    Object.assign(req, { body: Object.fromEntries(new URLSearchParams(body)) });
    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined) {
        errorHandler(error, req, res, () => res.end());
        return;
      }
      const step = steps[index++];
      if (step) step(req, res, next);
      else res.writeHead(404).end();
    };
    next();
  };
}
