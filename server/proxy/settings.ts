/**
 * The proxy's settings as every host reads them (the Node server's environment, a worker's env):
 * one parser per variable, so `npm start`, `npm run start:edge` and a deployment accept the same
 * values and refuse the rest in the same words.
 */

/**
 * A setting no host can work with. `problem` says what is wrong, without the variable's name;
 * `value` is repeated in the message unless it is undefined (a secret is never repeated).
 */
export class SettingError extends Error {
  override readonly name = 'SettingError';
  constructor(
    readonly variable: string,
    value: string | undefined,
    readonly problem: string,
  ) {
    super(`${variable}${value === undefined ? '' : `=${JSON.stringify(value)}`}: ${problem}`);
  }
}

const blank = (value: string | undefined): value is undefined | '' =>
  value === undefined || value.trim() === '';

/** Calls one client may make in any minute (decision 026). */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * `PROXY_RATE_LIMIT`: the most calls one client may make in any 60 s; `0` turns the limit off,
 * blank leaves the default. Throws SettingError when not a whole number.
 */
export function parseRateLimitSetting(
  value: string | undefined,
): { limit: number; windowMs: number } | false | undefined {
  if (blank(value)) return undefined;
  const trimmed = value.trim();
  if (!/^\d{1,9}$/.test(trimmed)) {
    throw new SettingError(
      'PROXY_RATE_LIMIT',
      value,
      'must be a whole number: the most calls one client may make in any 60 seconds (0 turns the limit off)',
    );
  }
  const limit = Number(trimmed);
  return limit === 0 ? false : { limit, windowMs: RATE_LIMIT_WINDOW_MS };
}

/** The longest `PROXY_TIMEOUT_S` accepted: past Node's own 300 s request timeout nothing waits. */
export const MAX_TIMEOUT_SECONDS = 300;

/**
 * `PROXY_TIMEOUT_S`: the whole exchange's deadline in seconds (the request body, the connection,
 * the answer), or undefined when blank (the default, 15 s). Throws SettingError when not a whole
 * number from 1 to 300.
 */
export function parseTimeoutSetting(value: string | undefined): number | undefined {
  if (blank(value)) return undefined;
  const trimmed = value.trim();
  const seconds = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw new SettingError(
      'PROXY_TIMEOUT_S',
      value,
      `must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}: how long one proxied exchange may take`,
    );
  }
  return seconds * 1000;
}

/**
 * `PUBLIC_ORIGINS`: comma-separated origins the page is served under, or undefined when blank.
 * Throws SettingError naming the first entry that is not an origin.
 */
export function parsePublicOriginsSetting(value: string | undefined): string[] | undefined {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  return entries.map((entry) => {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.origin !== entry.replace(/\/$/, '')
    ) {
      throw new SettingError(
        'PUBLIC_ORIGINS',
        value ?? '',
        `"${entry}" is not an origin like https://playground.example.com (scheme://host[:port], nothing after it)`,
      );
    }
    return url.origin;
  });
}

/** `BEHIND_CLOUDFLARE`: true or false (blank is false). Throws SettingError otherwise. */
export function parseBehindCloudflareSetting(value: string | undefined): boolean {
  const normalised = (value ?? '').trim().toLowerCase();
  if (normalised === 'true' || normalised === '1') return true;
  if (normalised === '' || normalised === 'false' || normalised === '0') return false;
  throw new SettingError('BEHIND_CLOUDFLARE', value ?? '', 'must be true or false');
}
