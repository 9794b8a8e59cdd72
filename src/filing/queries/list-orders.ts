import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { pageOf, readCursor } from '../../core/keyset.ts';
import { isStaff, type SessionUser } from '../../accounts/index.ts';
import { describeStatus, FINAL_STATUSES, isOrderStatus } from '../status.ts';

export type ListOrdersQuery = { status?: string; kind?: string; province?: string; tab?: 'in_progress' | 'completed'; page: number; pageSize: number; cursor?: string };

/**
 * Applicants see their own orders; staff see the submitted ones and drafts with a help request. Newest first, a
 * numbered page at a time (the console's table, with the total), or — with `cursor`, the `nextCursor` of the page
 * before — keyset pages that cost the same at any depth (an integration walking every order).
 */
export async function listOrders(ctx: AppContext, user: SessionUser, query: ListOrdersQuery) {
  let select = ctx.db.selectFrom('orders');
  // Staff see orders once submitted, or drafts whose applicant asked for help (access.ts).
  if (!isStaff(user.role)) select = select.where('user_id', '=', user.id);
  else select = select.where((eb) => eb.or([eb('submitted_at', 'is not', null), eb('help_requested_at', 'is not', null)]));
  if (query.status) select = select.where('status', '=', query.status);
  if (query.kind) select = select.where('kind', '=', query.kind);
  if (query.province) select = select.where('province', '=', query.province);
  if (query.tab === 'completed') select = select.where('status', 'in', [...FINAL_STATUSES]);
  if (query.tab === 'in_progress') select = select.where('status', 'not in', [...FINAL_STATUSES]);
  let paged = select
    .select(['id', 'number', 'kind', 'status', 'province', 'subject_name', 'domains', 'created_at', 'updated_at', 'sla_due_at', 'filing_number'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.pageSize + 1);
  if (query.cursor) {
    const [createdAt, id] = readCursor(query.cursor, ['instant', 'text'] as const);
    paged = paged.where(sql<boolean>`(created_at, id) < (${createdAt}, ${id})`);
  } else {
    paged = paged.offset((query.page - 1) * query.pageSize);
  }
  const [found, total] = await Promise.all([paged.execute(), select.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()]);
  const { items: rows, nextCursor } = pageOf(found, query.pageSize, (row) => [row.created_at.toISOString(), row.id]);
  return {
    nextCursor,
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      kind: row.kind,
      status: row.status,
      step: isOrderStatus(row.status) ? describeStatus(row.status) : null,
      province: row.province,
      subjectName: row.subject_name,
      domain: row.domains[0] ?? null,
      domains: row.domains,
      filingNumber: row.filing_number,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    })),
    total: Number(total.count),
    page: query.page,
    pageSize: query.pageSize,
  };
}
