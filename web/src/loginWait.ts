import { translate } from './i18n.ts';
import type { Lang } from './i18n.ts';

/**
 * What a throttled login says (the API's RATE_LIMITED with `retryAfterSeconds`): how long to wait, and that the
 * account is not locked — the throttle slows guessing from one address, it never shuts the owner out (docs/security.md).
 */
export function loginWaitMessage(lang: Lang, retryAfterSeconds: unknown): string | null {
  if (typeof retryAfterSeconds !== 'number' || !(retryAfterSeconds > 0)) return null;
  const wait =
    retryAfterSeconds < 60
      ? translate(lang, 'security.waitSeconds', { n: Math.ceil(retryAfterSeconds) })
      : translate(lang, 'security.waitMinutes', { n: Math.ceil(retryAfterSeconds / 60) });
  return translate(lang, 'security.loginWait', { wait });
}
