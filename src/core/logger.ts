import { pino, type Logger } from 'pino';

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
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export type { Logger };
