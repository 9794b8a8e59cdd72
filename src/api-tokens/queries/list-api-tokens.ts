import type { AppContext } from '../../core/context.ts';
import { presentApiToken, type ApiTokenView } from '../repo.ts';

/** Every token, newest first (a provider has a handful: one per edge and cron job). */
export async function listApiTokens(ctx: AppContext): Promise<{ items: ApiTokenView[] }> {
  const rows = await ctx.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').limit(500).execute();
  const now = ctx.clock.now();
  return { items: rows.map((row) => presentApiToken(row, now)) };
}
