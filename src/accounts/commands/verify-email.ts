import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { hashToken } from './log-in.ts';

/**
 * Opens the link of a registration: the account becomes usable with the password chosen in that registration. The
 * token is spent in the statement that checks it, and every other pending link of the account is spent with it.
 */
export async function verifyEmail(ctx: AppContext, actor: Actor, input: { token: string }): Promise<{ email: string }> {
  const now = ctx.clock.now();
  const email = await ctx.db.transaction().execute(async (tx) => {
    const spent = await tx
      .updateTable('email_verifications')
      .set({ used_at: now })
      .where('id', '=', hashToken(input.token.trim()))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['user_id', 'password_hash'])
      .executeTakeFirst();
    if (!spent) return null;
    const user = await tx
      .updateTable('users')
      .set({ email_verified_at: now, password_hash: spent.password_hash })
      .where('id', '=', spent.user_id)
      .where('email_verified_at', 'is', null)
      .where('disabled_at', 'is', null)
      .returning(['id', 'email'])
      .executeTakeFirst();
    if (!user) return null;
    await tx.updateTable('email_verifications').set({ used_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    await writeAudit(tx, { ...actor, userId: actor.userId ?? user.id }, now, { entityType: 'user', entityId: user.id, action: 'email_verified' });
    return user.email;
  });
  if (!email) {
    throw AppError.field(
      'VALIDATION_FAILED',
      'body.token',
      '验证链接无效、已使用或已过期（24 小时内有效），请重新注册以获取新链接',
      'This verification link is invalid, already used or expired (it works for 24 hours); register again for a new one',
    );
  }
  return { email };
}
