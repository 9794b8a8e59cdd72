import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { hashPassword } from '../passwords.ts';
import { passwordProblem } from '../password-policy.ts';
import { hashToken } from './log-in.ts';

export type ResetPasswordInput = { token: string; password: string };

export const PASSWORD_CHANGED = 'account.password_changed';

const invalidToken = () =>
  AppError.field(
    'VALIDATION_FAILED',
    'body.token',
    '重置链接无效、已使用或已过期（30 分钟内有效），请重新申请找回密码',
    'This reset link is invalid, already used or expired (it works for 30 minutes); ask for a new one',
  );

/**
 * Sets a new password with a reset token: the token is spent in the same statement that checks it, so two tries
 * with one token cannot both succeed. Every other token of the user is spent too, every session ends, and the
 * login failures of the account are cleared. The link came through the mailbox, so an unverified account becomes verified. The owner gets an e-mail saying the password changed.
 */
export async function resetPassword(ctx: AppContext, actor: Actor, input: ResetPasswordInput): Promise<void> {
  const problem = passwordProblem(input.password);
  if (problem) throw AppError.field('VALIDATION_FAILED', 'body.password', `body.password：${problem.zh}`, `body.password: ${problem.en}`);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const userId = await ctx.db.transaction().execute(async (tx) => {
    const spent = await tx
      .updateTable('password_reset_tokens')
      .set({ used_at: now })
      .where('id', '=', hashToken(input.token.trim()))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!spent) return null;
    const user = await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, email_verified_at: sql`COALESCE(email_verified_at, ${now})` })
      .where('id', '=', spent.user_id)
      .where('disabled_at', 'is', null)
      .returning(['id', 'email'])
      .executeTakeFirst();
    if (!user) return null;
    await tx.updateTable('password_reset_tokens').set({ used_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    const sessions = await tx.deleteFrom('sessions').where('user_id', '=', user.id).executeTakeFirst();
    await tx.deleteFrom('login_failures').where('account_key', '=', user.email).execute();
    await writeAudit(tx, { ...actor, userId: actor.userId ?? user.id }, now, {
      entityType: 'user',
      entityId: user.id,
      action: 'password_reset',
      data: { sessionsEnded: Number(sessions.numDeletedRows) },
    });
    await enqueueEvent(tx, now, { topic: PASSWORD_CHANGED, aggregateType: 'user', aggregateId: user.id, payload: {} });
    return user.id;
  });
  // Thrown after the transaction: a spent-but-refused token would otherwise roll back (it cannot happen, but the
  // refusal must never undo a write).
  if (!userId) throw invalidToken();
}
