import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { pageOf, readCursor } from '../../core/keyset.ts';
import { presentApiToken, type ApiTokenView } from '../repo.ts';

/** Tokens, newest first, a page at a time (a provider has a handful: one per edge and cron job; none is cut off). */
export async function listApiTokens(ctx: AppContext, page: { cursor?: string; limit: number }): Promise<{ items: ApiTokenView[]; nextCursor: string | null }> {
  let query = ctx.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1);
  if (page.cursor) {
    const [createdAt, id] = readCursor(page.cursor, ['instant', 'text'] as const);
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}, ${id})`);
  }
  const { items, nextCursor } = pageOf(await query.execute(), page.limit, (row) => [row.created_at.toISOString(), row.id]);
  const now = ctx.clock.now();
  return { items: items.map((row) => presentApiToken(row, now)), nextCursor };
}
