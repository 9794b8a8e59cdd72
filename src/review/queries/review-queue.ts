import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { pageOf, readCursor } from '../../core/keyset.ts';

export type ReviewQueueQuery = { province?: string; kind?: string; limit: number; cursor?: string };

/**
 * Orders waiting for the provider's review, oldest submission first, with the SLA deadline; a page at a time (keyset
 * on submission time and id), with the count of the whole queue so nobody mistakes a page for all of it.
 */
export async function reviewQueue(ctx: AppContext, query: ReviewQueueQuery) {
  let waiting = ctx.db.selectFrom('orders').leftJoin('users as reviewer', 'reviewer.id', 'orders.claimed_by').where('orders.status', '=', 'provider_review');
  if (query.province) waiting = waiting.where('orders.province', '=', query.province);
  if (query.kind) waiting = waiting.where('orders.kind', '=', query.kind);
  const select = waiting.select(['orders.id', 'orders.number', 'orders.kind', 'orders.province', 'orders.subject_name', 'orders.domains', 'orders.submitted_at', 'orders.sla_due_at', 'orders.version', 'orders.claimed_at', 'reviewer.email as claimed_by_email']);
  const counted = waiting.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  let paged = select.orderBy('orders.submitted_at').orderBy('orders.id').limit(query.limit + 1);
  if (query.cursor) {
    const [submittedAt, id] = readCursor(query.cursor, ['instant', 'text'] as const);
    paged = paged.where(sql<boolean>`(orders.submitted_at, orders.id) > (${submittedAt}, ${id})`);
  }
  const [page, total] = await Promise.all([paged.execute().then((rows) => pageOf(rows, query.limit, (row) => [row.submitted_at!.toISOString(), row.id])), counted]);
  const now = ctx.clock.now().getTime();
  return {
    total: Number(total.count),
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      number: row.number,
      kind: row.kind,
      province: row.province,
      subjectName: row.subject_name,
      domains: row.domains,
      version: row.version,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      slaDueAt: row.sla_due_at?.toISOString() ?? null,
      isOverdue: row.sla_due_at ? row.sla_due_at.getTime() < now : false,
      claimedBy: row.claimed_by_email,
    })),
  };
}
