import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import { pageOf, readCursor } from '../core/keyset.ts';

export type InAppNotice = {
  userId: string;
  topic: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  /** A console path the notice leads to, e.g. /filings/浙ICP备…号. */
  link?: string;
  /** The same key is written once, however often an outbox event is retried. */
  dedupeKey: string;
};

/** Puts a notice in the user's console inbox (the third channel beside SMS and e-mail). */
export async function deliverInApp(ctx: AppContext, executor: Executor, notice: InAppNotice): Promise<boolean> {
  const inserted = await executor
    .insertInto('in_app_notices')
    .values({
      user_id: notice.userId,
      topic: notice.topic,
      title_zh: notice.title.zh,
      title_en: notice.title.en,
      body_zh: notice.body.zh,
      body_en: notice.body.en,
      link: notice.link ?? null,
      dedupe_key: notice.dedupeKey,
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(inserted);
}

export type InAppNoticeView = { id: number; at: string; topic: string; title: { zh: string; en: string }; body: { zh: string; en: string }; link: string | null; read: boolean };

/** The user's own notices, newest first, a page at a time (keyset on the id). */
export async function listInAppNotices(ctx: AppContext, userId: string, page: { limit?: number; cursor?: string } = {}): Promise<{ items: InAppNoticeView[]; nextCursor: string | null }> {
  const limit = page.limit ?? 50;
  let query = ctx.db.selectFrom('in_app_notices').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit + 1);
  if (page.cursor) {
    const [id] = readCursor(page.cursor, ['text'] as const);
    query = query.where('id', '<', Number(id) || 0);
  }
  const { items: rows, nextCursor } = pageOf(await query.execute(), limit, (row) => [String(row.id)]);
  const items = rows.map((row) => ({
    id: row.id,
    at: row.created_at.toISOString(),
    topic: row.topic,
    title: { zh: row.title_zh, en: row.title_en },
    body: { zh: row.body_zh, en: row.body_en },
    link: row.link,
    read: row.read_at !== null,
  }));
  return { items, nextCursor };
}

/** Marks the user's notices read up to and including `upToId` (only their own). */
export async function markInAppNoticesRead(ctx: AppContext, userId: string, upToId: number): Promise<void> {
  await ctx.db.updateTable('in_app_notices').set({ read_at: ctx.clock.now() }).where('user_id', '=', userId).where('id', '<=', upToId).where('read_at', 'is', null).execute();
}
