import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { newId, newToken } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { hashPassword } from '../passwords.ts';
import { passwordProblem } from '../password-policy.ts';
import { hashToken } from './log-in.ts';

export type SignUpInput = { email: string; password: string };

export const EMAIL_VERIFICATION_REQUESTED = 'account.email_verification_requested';
export const REGISTRATION_ATTEMPTED = 'account.registration_attempted';
/** A registration link works for 24 hours on the application clock, once. */
export const EMAIL_VERIFICATION_TTL_MS = 24 * 3600_000;

export function assertNewPassword(password: string, email: string, path = 'body.password'): void {
  const problem = passwordProblem(password, [email]);
  if (problem) throw AppError.field('VALIDATION_FAILED', path, `${path}：${problem.zh}`, `${path}: ${problem.en}`);
}

/**
 * Self-registration (DESIGN §5.7 `POST /api/v1/auth/register`): creates a pending applicant account and e-mails a
 * link that activates it. The caller answers the same whatever happened here, so the answer never tells whether an
 * address is registered:
 *  - a new address: the account is created, unverified, and the link is sent;
 *  - an address registered but never verified: a new link is sent, which activates the password of *this*
 *    registration (each link carries its own password hash), so squatting an address gains nothing;
 *  - a verified address: its owner gets an e-mail saying someone tried to register with it.
 * The password is hashed in every case, so the three take the same time.
 */
export async function signUp(ctx: AppContext, actor: Actor, input: SignUpInput): Promise<void> {
  const email = input.email.trim().toLowerCase();
  assertNewPassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    let user = await tx.selectFrom('users').select(['id', 'email_verified_at', 'disabled_at']).where('email', '=', email).forUpdate().executeTakeFirst();
    if (user?.email_verified_at || user?.disabled_at) {
      await writeAudit(tx, actor, now, { entityType: 'user', entityId: user.id, action: 'registration_attempted' });
      if (!user.disabled_at) await enqueueEvent(tx, now, { topic: REGISTRATION_ATTEMPTED, aggregateType: 'user', aggregateId: user.id, payload: {} });
      return;
    }
    if (!user) {
      const id = newId();
      await tx.insertInto('users').values({ id, email, password_hash: passwordHash, role: 'applicant', display_name: null, created_at: now, email_verified_at: null }).execute();
      user = { id, email_verified_at: null, disabled_at: null };
      await writeAudit(tx, actor, now, { entityType: 'user', entityId: id, action: 'register', data: { role: 'applicant', pending: true } });
    } else {
      await writeAudit(tx, actor, now, { entityType: 'user', entityId: user.id, action: 'register', data: { role: 'applicant', pending: true, again: true } });
    }
    const token = newToken();
    await tx
      .insertInto('email_verifications')
      .values({ id: hashToken(token), user_id: user.id, password_hash: passwordHash, created_at: now, expires_at: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS) })
      .execute();
    await enqueueEvent(tx, now, { topic: EMAIL_VERIFICATION_REQUESTED, aggregateType: 'user', aggregateId: user.id, payload: { sealedToken: ctx.cipher.encrypt(token) } });
  });
}
