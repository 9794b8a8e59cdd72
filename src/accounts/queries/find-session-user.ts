import type { AppContext } from '../../core/context.ts';
import { hashToken } from '../commands/log-in.ts';
import type { SessionUser } from '../roles.ts';

export async function findSessionUser(ctx: AppContext, token: string): Promise<SessionUser | null> {
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.role', 'users.display_name', 'sessions.expires_at', 'users.disabled_at'])
    .where('sessions.id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at.getTime() <= ctx.clock.now().getTime()) return null;
  return { id: row.id, email: row.email, role: row.role, displayName: row.display_name };
}
