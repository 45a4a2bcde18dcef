import { z } from 'zod';
import { formatHostForUrl } from './own-origins.ts';
import { FrameAncestorsError, parseFrameAncestors } from '../web/security-headers.ts';
import {
  AllowedHostsError,
  parseAllowedHosts,
  type AllowedHostPattern,
} from '../proxy/allowed-hosts.ts';
import { DEFAULT_RATE_LIMIT, DEFAULT_TIMEOUT_MS } from '../proxy/proxy-core.ts';
import {
  parsePublicOriginsSetting,
  parseRateLimitSetting,
  parseTimeoutSetting,
  SettingError,
} from '../proxy/settings.ts';

/** The standalone server's settings, parsed once at start-up. */
export interface ServerEnv {
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  HOST: string;
  /** Port to listen on; 0 picks a free one. Default 4173. */
  PORT: number;
  /** Extra proxy targets (see server/proxy/allowed-hosts.ts). */
  PROXY_ALLOWED_HOSTS: AllowedHostPattern[];
  /** Extra origins the page is served under (reverse proxy, LAN name), comma-separated. */
  PUBLIC_ORIGINS: string[];
  /** Most `/api/proxy` calls per client address in any 60 s; 0 turns the limit off. Default 600. */
  PROXY_RATE_LIMIT: number;
  /** The proxied exchange's deadline (PROXY_TIMEOUT_S, whole seconds). Default 15 000 ms. */
  PROXY_TIMEOUT_MS: number;
  /** Sites allowed to embed the page (CSP `frame-ancestors`); empty: any site (decision 014). */
  FRAME_ANCESTORS: string[];
}

/** Thrown with one readable line per bad variable. */
export class EnvError extends Error {
  override readonly name = 'EnvError';
}

/** A shared setting parser (server/proxy/settings.ts) inside the schema: its problem, its words. */
function fromSetting<T>(ctx: z.RefinementCtx, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: error instanceof SettingError ? error.problem : 'is malformed',
    });
    return z.NEVER;
  }
}

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const hostSchema = z.string().refine(
  (host) => {
    try {
      return new URL(`http://${formatHostForUrl(host)}/`).hostname !== '';
    } catch {
      return false;
    }
  },
  { message: 'must be a host name or an IP address, such as 127.0.0.1 or 0.0.0.0' },
);

const envSchema = z.object({
  HOST: z.preprocess(emptyAsUndefined, hostSchema.default('127.0.0.1')),
  PORT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d{1,5}$/, { message: 'must be a whole number from 0 to 65535' })
      .transform(Number)
      .refine((port) => port <= 65535, { message: 'must be a whole number from 0 to 65535' })
      .default(4173),
  ),
  PROXY_ALLOWED_HOSTS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseAllowedHosts(value);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: error instanceof AllowedHostsError ? error.message : 'is malformed',
          });
          return z.NEVER;
        }
      }),
  ),
  PROXY_RATE_LIMIT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx) =>
        fromSetting(ctx, () => {
          const parsed = parseRateLimitSetting(value);
          return parsed === undefined
            ? DEFAULT_RATE_LIMIT.limit
            : parsed === false
              ? 0
              : parsed.limit;
        }),
      ),
  ),
  PROXY_TIMEOUT_S: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx) =>
        fromSetting(ctx, () => parseTimeoutSetting(value) ?? DEFAULT_TIMEOUT_MS),
      ),
  ),
  PUBLIC_ORIGINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx) => fromSetting(ctx, () => parsePublicOriginsSetting(value) ?? [])),
  ),
  FRAME_ANCESTORS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseFrameAncestors(value);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: error instanceof FrameAncestorsError ? error.message : 'is malformed',
          });
          return z.NEVER;
        }
      }),
  ),
});

/**
 * Reads HOST, PORT, PROXY_ALLOWED_HOSTS, PUBLIC_ORIGINS, PROXY_RATE_LIMIT, PROXY_TIMEOUT_S and
 * FRAME_ANCESTORS. An
 * empty variable counts as unset.
 * Throws EnvError listing every bad variable with its value's problem (never the whole value of
 * anything secret: none of these are secrets).
 */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = envSchema.safeParse({
    HOST: source.HOST,
    PORT: source.PORT,
    PROXY_ALLOWED_HOSTS: source.PROXY_ALLOWED_HOSTS,
    PUBLIC_ORIGINS: source.PUBLIC_ORIGINS,
    PROXY_RATE_LIMIT: source.PROXY_RATE_LIMIT,
    PROXY_TIMEOUT_S: source.PROXY_TIMEOUT_S,
    FRAME_ANCESTORS: source.FRAME_ANCESTORS,
  });
  if (result.success) {
    const { PROXY_TIMEOUT_S, ...rest } = result.data;
    return { ...rest, PROXY_TIMEOUT_MS: PROXY_TIMEOUT_S };
  }
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const message = issue.code === 'invalid_type' ? 'must be text' : issue.message;
    return `  ${name}=${JSON.stringify(source[name] ?? '')}: ${message}`;
  });
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}
