import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { newToken } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { maskEmail } from '../../core/personal-data.ts';
import { RESET_TOKEN_TTL_MS } from '../recovery.ts';
import { hashToken } from './log-in.ts';

export type RequestPasswordResetInput = { email: string; ip: string };

export const PASSWORD_RESET_REQUESTED = 'account.password_reset_requested';

/**
 * Opens a reset for the account with this e-mail, if there is one; the caller answers the same either way, so the
 * answer never says whether an e-mail is registered. The token is random and stored only as a hash; the e-mail that
 * carries it is sent from the outbox after commit (the event holds the token encrypted, and the handler erases it
 * once the mail is out).
 */
export async function requestPasswordReset(ctx: AppContext, actor: Actor, input: RequestPasswordResetInput): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const user = await ctx.db.selectFrom('users').select(['id', 'disabled_at']).where('email', '=', email).executeTakeFirst();
  if (!user || user.disabled_at) {
    ctx.logger.info({ account: maskEmail(email), requestId: actor.requestId }, 'password reset asked for an unknown account');
    return;
  }
  const token = newToken();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('password_reset_tokens')
      .values({ id: hashToken(token), user_id: user.id, created_at: now, expires_at: new Date(now.getTime() + RESET_TOKEN_TTL_MS), request_ip: input.ip })
      .execute();
    await writeAudit(tx, actor, now, { entityType: 'user', entityId: user.id, action: 'password_reset_requested', data: { ip: input.ip } });
    await enqueueEvent(tx, now, {
      topic: PASSWORD_RESET_REQUESTED,
      aggregateType: 'user',
      aggregateId: user.id,
      payload: { sealedToken: ctx.cipher.encrypt(token) },
    });
  });
}
