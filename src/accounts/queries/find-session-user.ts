import type { AppContext } from '../../core/context.ts';
import { hashToken } from '../commands/log-in.ts';
import type { Role, SessionUser } from '../roles.ts';

/** A session not used for this long ends (ASVS 3.3.2): staff hold other people's data, so theirs ends sooner. */
export const IDLE_TIMEOUT_MS = { staff: 30 * 60_000, applicant: 2 * 3600_000 } as const;
/** last_seen_at is written at most this often per session, so a busy console does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Every provider role counts as staff here, the butler too (isStaff() is about reading filings, which it may not). */
export const idleTimeoutFor = (role: Role): number => (role === 'applicant' ? IDLE_TIMEOUT_MS.applicant : IDLE_TIMEOUT_MS.staff);

/** The user of a live session, judged on the application clock; an expired or idle session is ended. */
export async function findSessionUser(ctx: AppContext, token: string): Promise<SessionUser | null> {
  const id = hashToken(token);
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.role', 'users.display_name', 'sessions.expires_at', 'sessions.last_seen_at', 'users.disabled_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const now = ctx.clock.now().getTime();
  const isIdle = now - row.last_seen_at.getTime() > idleTimeoutFor(row.role);
  if (row.disabled_at || row.expires_at.getTime() <= now || isIdle) {
    await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
  }
  return { id: row.id, email: row.email, role: row.role, displayName: row.display_name };
}
