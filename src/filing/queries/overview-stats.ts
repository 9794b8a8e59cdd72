import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { PROVINCES, isProvinceCode, rejectionReason } from '../../rules/index.ts';

const DAY_MS = 86_400_000;

/**
 * The numbers behind the admin and compliance dashboards. Decisions and SLA come from the audit log (every
 * transition is there), so they count each review round, not only each order's latest state.
 */
export async function overviewStats(ctx: AppContext, input: { days: number }) {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - input.days * DAY_MS);
  const [byStatus, byProvince, byDay, decisions, reviewRounds, overdue] = await Promise.all([
    ctx.db.selectFrom('orders').select(['status', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('status').execute(),
    ctx.db.selectFrom('orders').select(['province', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('province').orderBy('count', 'desc').execute(),
    ctx.db
      .selectFrom('orders')
      .select([sql<string>`to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`.as('day'), (eb) => eb.fn.countAll<number>().as('count')])
      .where('created_at', '>=', since)
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute(),
    ctx.db
      .selectFrom('audit_log')
      .select(['to_status', 'reason'])
      .where('entity_type', '=', 'order')
      .where('at', '>=', since)
      .where('to_status', 'in', ['awaiting_regulator', 'provider_rejected', 'supplement_requested', 'approved', 'regulator_rejected'])
      .execute(),
    ctx.db
      .selectFrom('audit_log')
      .innerJoin('orders', (join) => join.on(sql`orders.id::text`, '=', sql.ref('audit_log.entity_id')))
      .select(['audit_log.at', 'orders.sla_due_at'])
      .where('audit_log.entity_type', '=', 'order')
      .where('audit_log.from_status', '=', 'provider_review')
      .where('audit_log.at', '>=', since)
      .execute(),
    ctx.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('count')).where('status', '=', 'provider_review').where('sla_due_at', '<', now).executeTakeFirstOrThrow(),
  ]);

  const count = (status: string) => decisions.filter((d) => d.to_status === status).length;
  const reviewed = count('awaiting_regulator') + count('provider_rejected') + count('supplement_requested');
  const regulatorDecided = count('approved') + count('regulator_rejected');
  const reasonCounts = new Map<string, number>();
  for (const decision of decisions) {
    if (decision.to_status !== 'provider_rejected' && decision.to_status !== 'regulator_rejected') continue;
    for (const code of (decision.reason ?? 'OTHER').split(',')) reasonCounts.set(code, (reasonCounts.get(code) ?? 0) + 1);
  }
  const met = reviewRounds.filter((r) => r.sla_due_at && r.at.getTime() <= r.sla_due_at.getTime()).length;

  return {
    since: since.toISOString(),
    byStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.count) })),
    byProvince: byProvince.map((r) => ({ province: r.province, name: r.province && isProvinceCode(r.province) ? PROVINCES[r.province].name : null, count: Number(r.count) })),
    byDay: byDay.map((r) => ({ day: r.day, count: Number(r.count) })),
    reviewSla: { met, missed: reviewRounds.length - met, overdueNow: Number(overdue.count) },
    providerReview: { decided: reviewed, approvalRate: reviewed ? count('awaiting_regulator') / reviewed : null },
    regulator: { decided: regulatorDecided, approvalRate: regulatorDecided ? count('approved') / regulatorDecided : null },
    topRejectionReasons: [...reasonCounts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([code, n]) => ({ code, count: n, title: rejectionReason(code).title })),
  };
}
