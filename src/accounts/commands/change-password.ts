import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { assertLoginAllowed, recordLoginFailure, hashToken } from './log-in.ts';
import { PASSWORD_CHANGED } from './reset-password.ts';
import { assertNewPassword } from './sign-up.ts';

export type ChangePasswordInput = { userId: string; sessionToken: string; current: string; next: string; ip: string };

/**
 * A logged-in user changes the password (ASVS 2.1.5): the current one is checked under the same throttling as a
 * login, the new one under the new-password rules; every other session of the account ends, this one stays.
 */
export async function changePassword(ctx: AppContext, actor: Actor, input: ChangePasswordInput): Promise<{ sessionsEnded: number }> {
  const user = await ctx.db.selectFrom('users').select(['id', 'email', 'password_hash']).where('id', '=', input.userId).executeTakeFirstOrThrow();
  await assertLoginAllowed(ctx, user.email, input.ip);
  if (!(await verifyPassword(user.password_hash, input.current))) {
    await recordLoginFailure(ctx, user.email, input.ip);
    throw AppError.field('VALIDATION_FAILED', 'body.current', 'body.current：当前密码不正确', 'body.current: the current password is wrong');
  }
  assertNewPassword(input.next, user.email, 'body.new');
  if (input.next === input.current) {
    throw AppError.field('VALIDATION_FAILED', 'body.new', 'body.new：新密码不能与当前密码相同', 'body.new: the new password must differ from the current one');
  }
  const passwordHash = await hashPassword(input.next);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    const ended = await tx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', hashToken(input.sessionToken)).executeTakeFirst();
    await tx.updateTable('password_reset_tokens').set({ used_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    const sessionsEnded = Number(ended.numDeletedRows);
    await writeAudit(tx, actor, now, { entityType: 'user', entityId: user.id, action: 'password_changed', data: { sessionsEnded } });
    await enqueueEvent(tx, now, { topic: PASSWORD_CHANGED, aggregateType: 'user', aggregateId: user.id, payload: { via: 'change' } });
    return { sessionsEnded };
  });
}
