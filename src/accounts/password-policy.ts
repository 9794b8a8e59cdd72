import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEnglish from '@zxcvbn-ts/language-en';
import { lazyModule } from '../core/lazy-module.ts';
import { COMMON_PASSWORDS } from './data/common-passwords.ts';

// New passwords (registration, reset, change) follow OWASP ASVS 4.0 §2.1 at level 2: at least 12 characters, up to
// 128, any characters (spaces and Chinese too), no composition rules, refused when common or when a strength
// estimate says they fall to a guessing attack. Existing passwords are never re-judged at login.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's scale: 3 means "safely unguessable: moderate protection from offline slow-hash attacks" (≥ 10^8 guesses). */
const MIN_SCORE = 3;
/** zxcvbn's matching time grows quickly with length (a second at 64 characters here): it judges the first 40. */
const ESTIMATE_PREFIX = 40;

// The estimator and its dictionaries (a few MB) load at the first new password, not at every process start.
const zxcvbnCore = lazyModule<typeof ZxcvbnCore>('@zxcvbn-ts/core');
const zxcvbnCommon = lazyModule<typeof ZxcvbnCommon>('@zxcvbn-ts/language-common');
const zxcvbnEnglish = lazyModule<typeof ZxcvbnEnglish>('@zxcvbn-ts/language-en');

let estimator: ZxcvbnFactory | undefined;
const getEstimator = (): ZxcvbnFactory =>
  (estimator ??= new (zxcvbnCore().ZxcvbnFactory)({
    dictionary: { ...zxcvbnCommon().dictionary, ...zxcvbnEnglish().dictionary },
    graphs: zxcvbnCommon().adjacencyGraphs,
    translations: zxcvbnEnglish().translations,
    useLevenshteinDistance: false,
  }));

let common: Set<string> | undefined;
const commonPasswords = (): Set<string> =>
  (common ??= new Set<string>([...COMMON_PASSWORDS, ...zxcvbnCommon().dictionary['passwords-common']].map((p) => p.toLowerCase())));

export type PasswordProblem = { zh: string; en: string };

/** Why a new password is refused, or null when it is acceptable. `context` are words it must not be built on (the e-mail). */
export function passwordProblem(password: string, context: readonly string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return { zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符，可使用一句话或几个词组合`, en: `Use at least ${PASSWORD_MIN_LENGTH} characters; a phrase of a few words works well` };
  }
  if (length > PASSWORD_MAX_LENGTH) return { zh: `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`, en: `Use at most ${PASSWORD_MAX_LENGTH} characters` };
  const lowered = password.toLowerCase();
  const core = lowered.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  const known = commonPasswords();
  if (known.has(lowered) || (core.length >= 4 && known.has(core))) {
    return { zh: '这是常见密码，很容易被猜中，请换一个', en: 'This is a common password and easy to guess; choose another' };
  }
  // zxcvbn knows no Chinese words and would score a Chinese sentence as random symbols of a tiny alphabet: twelve
  // Chinese characters are already far beyond guessing, so the estimate is left to Latin-script passwords.
  if (/\p{Script=Han}/u.test(password)) return null;
  const inputs = context.flatMap((word) => [word, ...word.toLowerCase().split(/[@.\-_+]/)]).filter((w) => w.length >= 3);
  const { score } = getEstimator().check(password.slice(0, ESTIMATE_PREFIX), [...inputs, 'openbeian', 'beian', 'icp']);
  if (score < MIN_SCORE) {
    return {
      zh: '密码太容易被猜中（如连续数字、键盘顺序、常见词或邮箱的一部分），请换一个更长、更不常见的密码',
      en: 'This password is too easy to guess (sequences, keyboard patterns, common words or part of the e-mail); choose a longer, less usual one',
    };
  }
  return null;
}
