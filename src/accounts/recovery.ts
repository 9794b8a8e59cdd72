import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { analyseTypedDomain } from '../rules/index.ts';

// Pure pieces of account recovery (no I/O): lifetimes, codes and the domain a login name is looked up by.

/** A password reset link works for 30 minutes on the application clock, once. */
export const RESET_TOKEN_TTL_MS = 30 * 60_000;
/** A login-name SMS code works for 10 minutes and allows five wrong tries. */
export const LOGIN_NAME_CODE_TTL_MS = 10 * 60_000;
export const LOGIN_NAME_MAX_WRONG = 5;

export const newSmsCode = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');

/** Keyed hash of a code, bound to its challenge: a stored hash is useless for any other challenge or without the key. */
export function hashCode(key: string, challengeId: string, code: string): string {
  return createHmac('sha256', key).update(`${challengeId}:${code}`).digest('hex');
}

export function codeMatches(key: string, challengeId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashCode(key, challengeId, code.trim()), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export type RecoveryDomain = { ok: true; registrable: string } | { ok: false; zh: string; en: string };

/**
 * The registrable domain (ASCII) a website owner types to find the login name: `www.` and upper case are fine, and
 * so is an address pasted from the browser bar.
 */
export function parseRecoveryDomain(input: string): RecoveryDomain {
  const analysis = analyseTypedDomain(input);
  if (analysis.ok) return { ok: true, registrable: analysis.registrable };
  if (analysis.problem === 'unreadable_url') {
    return { ok: false, zh: '网址格式不正确，请只填写域名，例如 example.com', en: 'Not a valid address; enter the domain only, e.g. example.com' };
  }
  if (analysis.problem === 'ip') return { ok: false, zh: '请填写已备案的域名，不能填写 IP 地址', en: 'Enter the filed domain, not an IP address' };
  return { ok: false, zh: '不是有效的域名，请填写已备案的域名，例如 example.com', en: 'Not a valid domain; enter the filed domain, e.g. example.com' };
}
