import { createHash } from 'node:crypto';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newToken } from '../../core/ids.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { dummyPasswordHash, verifyPassword } from '../passwords.ts';
import type { SessionUser } from '../roles.ts';

export type LogInInput = { email: string; password: string; ip: string; previousToken?: string };
/** `lifetimeMs`: how long the session lasts from this login (the cookie's Max-Age; never re-read from the clock). */
export type LogInResult = { user: SessionUser; token: string; expiresAt: Date; lifetimeMs: number };

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const SESSION_TTL_MS = 7 * 24 * 3600_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Five wrong passwords within 15 minutes, counted per account and per address, lock further attempts until the
 * window passes. A success clears the account's count and always issues a new session id (no fixation).
 */
export async function logIn(ctx: AppContext, actor: Actor, input: LogInInput): Promise<LogInResult> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);

  const failures = await ctx.db
    .selectFrom('login_failures')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('account_key', '=', email).as('byAccount'),
      eb.fn.count<number>('id').filterWhere('ip', '=', input.ip).as('byIp'),
    ])
    .where('failed_at', '>', windowStart)
    .where((eb) => eb.or([eb('account_key', '=', email), eb('ip', '=', input.ip)]))
    .executeTakeFirstOrThrow();
  if (Number(failures.byAccount) >= MAX_FAILURES || Number(failures.byIp) >= MAX_FAILURES) {
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil(FAILURE_WINDOW_MS / 1000) });
  }

  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const isValid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !isValid || user.disabled_at) {
    await ctx.db.insertInto('login_failures').values({ account_key: email, ip: input.ip, failed_at: now }).execute();
    throw new AppError('INVALID_CREDENTIALS');
  }

  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await ctx.db.transaction().execute(async (tx) => {
    if (input.previousToken) await tx.deleteFrom('sessions').where('id', '=', hashToken(input.previousToken)).execute();
    await tx.deleteFrom('login_failures').where('account_key', '=', email).execute();
    await tx
      .insertInto('sessions')
      .values({ id: hashToken(token), user_id: user.id, created_at: now, expires_at: expiresAt, request_ip: input.ip })
      .execute();
    await writeAudit(tx, { ...actor, userId: user.id, role: user.role }, now, { entityType: 'user', entityId: user.id, action: 'login' });
  });
  return { user: { id: user.id, email: user.email, role: user.role, displayName: user.display_name }, token, expiresAt, lifetimeMs: SESSION_TTL_MS };
}
