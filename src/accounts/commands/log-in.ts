import { createHash } from 'node:crypto';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { newToken } from '../../core/ids.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { dummyPasswordHash, verifyPassword } from '../passwords.ts';
import type { SessionUser } from '../roles.ts';
import { ACCOUNT_WINDOW_MS, ADDRESS_WINDOW_MS, PAIR_WINDOW_MS, nextAttemptAt, type FailureCounts } from '../login-throttle.ts';

export type LogInInput = { email: string; password: string; ip: string; previousToken?: string };
/** `lifetimeMs`: how long the session lasts from this login (the cookie's Max-Age; never re-read from the clock). */
export type LogInResult = { user: SessionUser; token: string; expiresAt: Date; lifetimeMs: number };

/** A session ends 12 hours after login however busy it is (ASVS 3.3.2), and sooner when left idle (IDLE_TIMEOUT_MS). */
export const SESSION_TTL_MS = 12 * 3600_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Failures that bear on this attempt: of the pair, of the address and of the account (see login-throttle.ts). */
async function failureCounts(ctx: AppContext, email: string, ip: string, now: Date): Promise<FailureCounts> {
  const since = (ms: number) => new Date(now.getTime() - ms);
  const row = await ctx.db
    .selectFrom('login_failures')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere((w) => w.and([w('account_key', '=', email), w('ip', '=', ip), w('failed_at', '>', since(PAIR_WINDOW_MS))])).as('pair'),
      eb.fn.max('failed_at').filterWhere((w) => w.and([w('account_key', '=', email), w('ip', '=', ip)])).as('pairLast'),
      eb.fn.count<number>('id').filterWhere((w) => w.and([w('ip', '=', ip), w('failed_at', '>', since(ADDRESS_WINDOW_MS))])).as('address'),
      eb.fn.max('failed_at').filterWhere('ip', '=', ip).as('addressLast'),
      eb.fn.count<number>('id').filterWhere((w) => w.and([w('account_key', '=', email), w('failed_at', '>', since(ACCOUNT_WINDOW_MS))])).as('account'),
    ])
    .where('failed_at', '>', since(Math.max(PAIR_WINDOW_MS, ADDRESS_WINDOW_MS, ACCOUNT_WINDOW_MS)))
    .where((eb) => eb.or([eb('account_key', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  const asDate = (value: unknown) => (value ? new Date(value as string | Date) : null);
  return { pair: Number(row.pair), pairLast: asDate(row.pairLast), address: Number(row.address), addressLast: asDate(row.addressLast), account: Number(row.account) };
}

/** Throws RATE_LIMITED (with Retry-After) while this account may not be tried from this address. */
export async function assertLoginAllowed(ctx: AppContext, email: string, ip: string): Promise<void> {
  const now = ctx.clock.now();
  const waitUntil = nextAttemptAt(await failureCounts(ctx, email, ip, now), now);
  if (waitUntil) {
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil((waitUntil.getTime() - now.getTime()) / 1000)) });
  }
}

export async function recordLoginFailure(ctx: AppContext, email: string, ip: string): Promise<void> {
  await ctx.db.insertInto('login_failures').values({ account_key: email, ip, failed_at: ctx.clock.now() }).execute();
}

/**
 * Checks the password, throttled per (account, address), per address and per account (login-throttle.ts): guessing
 * is slowed where it comes from, and the right password from an address without failures always gets in. A success
 * clears that pair's failures and always issues a new session id (no fixation).
 */
export async function logIn(ctx: AppContext, actor: Actor, input: LogInInput): Promise<LogInResult> {
  const email = input.email.trim().toLowerCase();
  const now = ctx.clock.now();
  await assertLoginAllowed(ctx, email, input.ip);

  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const isValid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  // An account whose e-mail is not verified yet answers like a wrong password: registration never tells whether an
  // address was taken, and neither may the first login after it.
  if (!user || !isValid || user.disabled_at || !user.email_verified_at) {
    await recordLoginFailure(ctx, email, input.ip);
    throw new AppError('INVALID_CREDENTIALS');
  }

  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await ctx.db.transaction().execute(async (tx) => {
    if (input.previousToken) await tx.deleteFrom('sessions').where('id', '=', hashToken(input.previousToken)).execute();
    await tx.deleteFrom('login_failures').where('account_key', '=', email).where('ip', '=', input.ip).execute();
    await tx
      .insertInto('sessions')
      .values({ id: hashToken(token), user_id: user.id, created_at: now, expires_at: expiresAt, request_ip: input.ip, last_seen_at: now })
      .execute();
    await writeAudit(tx, { ...actor, userId: user.id, role: user.role }, now, { entityType: 'user', entityId: user.id, action: 'login' });
  });
  return { user: { id: user.id, email: user.email, role: user.role, displayName: user.display_name }, token, expiresAt, lifetimeMs: SESSION_TTL_MS };
}
