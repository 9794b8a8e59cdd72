import type { AppContext } from '../../core/context.ts';
import { hashToken } from './log-in.ts';

export async function logOut(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}
