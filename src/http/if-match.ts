import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

/** Reads the order version from If-Match ("3" or "W/\"3\"" or "\"3\""); required where concurrent edits matter. */
export function parseIfMatch(request: FastifyRequest, isRequired: true): number;
export function parseIfMatch(request: FastifyRequest, isRequired: false): number | undefined;
export function parseIfMatch(request: FastifyRequest, isRequired: boolean): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    if (isRequired) throw AppError.field('PRECONDITION_REQUIRED', 'headers.if-match', '请在 If-Match 头中带上订单版本号', 'Send the order version in the If-Match header');
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!match) throw AppError.field('VALIDATION_FAILED', 'headers.if-match', 'If-Match 应为订单版本号，例如 3', 'If-Match must be the order version, e.g. 3');
  return Number(match[1]);
}
