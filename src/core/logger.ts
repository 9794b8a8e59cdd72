import { pino, type DestinationStream, type Logger } from 'pino';

/** Field names that may carry personal data anywhere in a log line; pino replaces their values. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'idNumber',
  '*.idNumber',
  '*.*.idNumber',
  'mobile',
  '*.mobile',
  '*.*.mobile',
  'emergencyPhone',
  '*.emergencyPhone',
  'code',
  '*.code',
  'token',
  '*.token',
  // The object store's secret (config.storage.secretAccessKey), should a config or client settings object ever be logged.
  'secretAccessKey',
  '*.secretAccessKey',
  '*.*.secretAccessKey',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

/** Query parameters that carry a secret (a password-reset token, an SMS code, a key). */
const SECRET_PARAMS = new Set(['token', 'code', 'key']);
/** Path segments after these carry a signed hand-off token (`/api/v1/handoff/{token}`, the phone page `/m/{token}`). */
const SECRET_PATH = /(\/(?:handoff|m)\/)[^/?#]+/;

/** A request URL as it may appear in a log: the path and query without the secrets some links carry. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).replace(SECRET_PATH, '$1[redacted]');
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0]!;
      return SECRET_PARAMS.has(decodeURIComponentSafe(name).toLowerCase()) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

type RequestLike = { method?: string; url?: string; host?: string; ip?: string; socket?: { remotePort?: number } };

/** Fastify logs each request with this in place of its own `req` serializer (it reads `serializers` off the logger). */
function requestForLog(request: RequestLike) {
  return {
    method: request.method,
    url: request.url === undefined ? undefined : redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const logger = pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
  return Object.assign(logger, { serializers: { req: requestForLog } });
}

export type { Logger };
