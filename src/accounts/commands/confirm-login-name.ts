import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { codeMatches, LOGIN_NAME_MAX_WRONG } from '../recovery.ts';
import { CODE_KEY_LABEL } from './look-up-login-name.ts';

export type ConfirmLoginNameInput = { domain: string; code: string };

export const LOGIN_NAME_CONFIRMED = 'account.login_name_confirmed';

type Outcome = { kind: 'sent' } | { kind: 'none' } | { kind: 'locked' } | { kind: 'wrong'; left: number };

/**
 * Checks the code texted for a domain; on the right one the account's login e-mail is texted to the same filed
 * mobile (from the outbox, after commit). Five wrong codes end the challenge: a new code must be asked for. A
 * domain never looked up answers like an expired code, so this call reveals nothing either.
 */
export async function confirmLoginName(ctx: AppContext, actor: Actor, input: ConfirmLoginNameInput): Promise<void> {
  const now = ctx.clock.now();
  const outcome = await ctx.db.transaction().execute(async (tx): Promise<Outcome> => {
    const challenge = await tx
      .selectFrom('login_name_challenges')
      .selectAll()
      .where('domain', '=', input.domain)
      .where('confirmed_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!challenge) return { kind: 'none' };
    if (challenge.attempts >= LOGIN_NAME_MAX_WRONG) return { kind: 'locked' };
    if (!ctx.cipher.lookupHashes(CODE_KEY_LABEL).some((key) => codeMatches(key, challenge.id, input.code, challenge.code_hash))) {
      const attempts = challenge.attempts + 1;
      await tx.updateTable('login_name_challenges').set({ attempts }).where('id', '=', challenge.id).execute();
      if (attempts >= LOGIN_NAME_MAX_WRONG) {
        await writeAudit(tx, actor, now, { entityType: 'user', entityId: challenge.user_id, action: 'login_name_code_locked', data: { domain: challenge.domain } });
      }
      return { kind: 'wrong', left: LOGIN_NAME_MAX_WRONG - attempts };
    }
    await tx.updateTable('login_name_challenges').set({ confirmed_at: now }).where('id', '=', challenge.id).execute();
    await writeAudit(tx, actor, now, { entityType: 'user', entityId: challenge.user_id, action: 'login_name_sent', data: { domain: challenge.domain, subjectNumber: challenge.subject_number } });
    await enqueueEvent(tx, now, { topic: LOGIN_NAME_CONFIRMED, aggregateType: 'login_name_challenge', aggregateId: challenge.id, payload: {} });
    return { kind: 'sent' };
  });

  switch (outcome.kind) {
    case 'sent':
      return;
    case 'none':
      throw AppError.field('VALIDATION_FAILED', 'body.code', '验证码无效或已过期（10 分钟内有效），请重新获取验证码', 'The code is invalid or expired (it works for 10 minutes); ask for a new one');
    case 'locked':
      throw new AppError('RATE_LIMITED', {
        fields: [{ path: 'body.code', message: { zh: '验证码错误次数过多，已失效，请重新获取验证码', en: 'Too many wrong codes; this code no longer works, ask for a new one' } }],
      });
    case 'wrong':
      throw outcome.left > 0
        ? AppError.field('VALIDATION_FAILED', 'body.code', `验证码不正确，还可尝试 ${outcome.left} 次`, `Wrong code; ${outcome.left} ${outcome.left === 1 ? 'try' : 'tries'} left`)
        : AppError.field('VALIDATION_FAILED', 'body.code', '验证码不正确，错误次数过多，验证码已失效，请重新获取', 'Wrong code; too many wrong tries, so ask for a new code');
  }
}
