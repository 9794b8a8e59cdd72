import type { AppContext } from '../../core/context.ts';
import { isStaff, type SessionUser } from '../../accounts/index.ts';
import { issuedCounts, presentResource, toResource } from '../repo.ts';

export type ListResourcesQuery = { kind?: string; page: number; pageSize: number };

/** Applicants see their own resources; staff see all. Newest first, each with its eligibility and codes left. */
export async function listResources(ctx: AppContext, user: SessionUser, query: ListResourcesQuery) {
  let select = ctx.db.selectFrom('resources');
  if (!isStaff(user.role)) select = select.where('user_id', '=', user.id);
  if (query.kind) select = select.where('kind', '=', query.kind);
  const [rows, total] = await Promise.all([
    select
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const counts = await issuedCounts(ctx.db, rows.map((row) => row.id));
  const now = ctx.clock.now();
  return {
    items: rows.map((row) => presentResource(toResource(row), counts.get(row.id) ?? 0, now)),
    total: Number(total.count),
    page: query.page,
    pageSize: query.pageSize,
  };
}
