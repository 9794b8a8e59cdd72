import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { hashPassword } from '../passwords.ts';
import type { Role, SessionUser } from '../roles.ts';

/** `passwordHash`: a hash made already (the demo seed hashes its one public password once for every account). */
export type RegisterUserInput = { email: string; role?: Role; displayName?: string } & ({ password: string } | { passwordHash: string });

/** An account created by the platform itself (the demo seed, an admin): verified at once. Self-registration is sign-up.ts. */
export async function registerUser(ctx: AppContext, actor: Actor, input: RegisterUserInput): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const role = input.role ?? 'applicant';
  const passwordHash = 'passwordHash' in input ? input.passwordHash : await hashPassword(input.password);
  const id = newId();
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('users')
        .values({ id, email, password_hash: passwordHash, role, display_name: input.displayName ?? null, created_at: now, email_verified_at: now })
        .execute();
      await writeAudit(tx, actor, now, { entityType: 'user', entityId: id, action: 'register', data: { role } });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw AppError.field('EMAIL_TAKEN', 'body.email', '该邮箱已注册，请直接登录或找回密码', 'This e-mail is already registered; log in instead');
    }
    throw error;
  }
  return { id, email, role, displayName: input.displayName ?? null };
}
