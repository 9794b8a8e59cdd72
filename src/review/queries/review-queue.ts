import type { AppContext } from '../../core/context.ts';

export type ReviewQueueQuery = { province?: string; kind?: string; limit: number };

/** Orders waiting for the provider's review, oldest submission first, with the SLA deadline. */
export async function reviewQueue(ctx: AppContext, query: ReviewQueueQuery) {
  let select = ctx.db
    .selectFrom('orders')
    .leftJoin('users as reviewer', 'reviewer.id', 'orders.claimed_by')
    .select(['orders.id', 'orders.number', 'orders.kind', 'orders.province', 'orders.subject_name', 'orders.domains', 'orders.submitted_at', 'orders.sla_due_at', 'orders.version', 'orders.claimed_at', 'reviewer.email as claimed_by_email'])
    .where('orders.status', '=', 'provider_review');
  if (query.province) select = select.where('orders.province', '=', query.province);
  if (query.kind) select = select.where('orders.kind', '=', query.kind);
  const rows = await select.orderBy('orders.submitted_at').orderBy('orders.id').limit(query.limit).execute();
  const now = ctx.clock.now().getTime();
  return {
    items: rows.map((row) => ({
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
