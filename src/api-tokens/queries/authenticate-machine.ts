import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { hashApiToken } from '../repo.ts';
import { TOKEN_PREFIX, tokenStatus, type TokenScope } from '../scopes.ts';

export type Machine = { tokenId: string; name: string; scopes: TokenScope[] };

/** How often `last_used_at` is written: an edge polling every few seconds should not write a row each time. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The token of an `Authorization: Bearer …` header, or null when the request carries none. */
export function bearerTokenOf(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1]! : null;
}

/**
 * The machine a bearer token belongs to, when the token is active and carries `scope`. An unknown, expired or
 * revoked token is TOKEN_INVALID (401); a valid token without the scope is FORBIDDEN.
 */
export async function authenticateMachine(ctx: AppContext, token: string, scope: TokenScope): Promise<Machine> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw new AppError('TOKEN_INVALID');
  const row = await ctx.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashApiToken(token)).executeTakeFirst();
  const now = ctx.clock.now();
  if (!row || tokenStatus(row, now) !== 'active') throw new AppError('TOKEN_INVALID');
  if (!row.scopes.includes(scope)) throw new AppError('FORBIDDEN');
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { tokenId: row.id, name: row.name, scopes: row.scopes as TokenScope[] };
}
