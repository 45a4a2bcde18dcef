import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_API_PATH_PREFIX } from '../demo-api/constants.ts';
import { DEMO_PATH_PREFIX, DEMO_RAW_PATH_PREFIX } from '../demo-as/constants.ts';

/** True when a request path (query excluded) is `prefix` or below it: `/demo`, `/demo/token`, not `/demonstration`. */
export function isUnderPrefix(url: string, prefix: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The paths the playground's server side answers (`/api/*`, the demo servers and the demo API); the rest is the app. */
export function isPlaygroundRoute(url: string): boolean {
  return (
    isUnderPrefix(url, '/api') ||
    isUnderPrefix(url, DEMO_PATH_PREFIX) ||
    isUnderPrefix(url, DEMO_RAW_PATH_PREFIX) ||
    isUnderPrefix(url, DEMO_API_PATH_PREFIX)
  );
}

/**
 * Mounts a Node listener (oidc-provider's `callback()`) under a path prefix in a plain `http`
 * server, the way Express's `app.use(prefix, …)` does: `req.url` loses the prefix and
 * `req.originalUrl` keeps the full path, from which oidc-provider derives the URLs it prints in
 * discovery (`/demo/token`, `/demo/jwks`).
 */
export function mountUnderPrefix(
  prefix: string,
  listener: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const full = req.url ?? '/';
    const rest = full.slice(prefix.length);
    Object.assign(req, { originalUrl: full });
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    await listener(req, res);
  };
}
