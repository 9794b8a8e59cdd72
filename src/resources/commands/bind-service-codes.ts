import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { writeAudit } from '../../core/audit.ts';
import type { Tx } from '../../core/db/database.ts';
import { draftServiceCodes, serviceCodeFindings, type FilingKind, type Finding, type IssuedServiceCode } from '../../rules/index.ts';
import { expiresOnOf, resourceName, toResource } from '../repo.ts';

/** What the filing context passes in: the order being submitted. */
export type OrderForCodes = { id: string; number: string; userId: string; kind: FilingKind | null; draft: unknown };

export type ServiceCodeReview = { findings: Finding[]; toBind: string[] };

/**
 * Looks up the codes an order's draft names — locking them, so two orders submitted at once cannot both take one —
 * and judges them (SPEC §5.2): they exist, are the owner's, are not revoked, not used by another order, and the
 * services' IPs are on the code's resource. With `today` (Asia/Shanghai, on the application clock) a code whose
 * resource has expired is a finding too; `bindServiceCodes` judges that when the caller gives no date.
 */
export async function reviewServiceCodes(tx: Tx, order: OrderForCodes, today?: string): Promise<ServiceCodeReview> {
  const codes = draftServiceCodes(order.draft);
  const issued = new Map<string, IssuedServiceCode>();
  if (codes.length > 0) {
    const rows = await tx.selectFrom('service_codes').selectAll().where('code', 'in', codes).orderBy('code').forUpdate().execute();
    const resourceIds = [...new Set(rows.map((row) => row.resource_id))];
    const orderIds = [...new Set(rows.flatMap((row) => (row.bound_order_id ? [row.bound_order_id] : [])))];
    const [resources, orders] = await Promise.all([
      resourceIds.length ? tx.selectFrom('resources').selectAll().where('id', 'in', resourceIds).execute() : Promise.resolve([]),
      orderIds.length ? tx.selectFrom('orders').select(['id', 'number', 'status']).where('id', 'in', orderIds).execute() : Promise.resolve([]),
    ]);
    const resourceById = new Map(resources.map((row) => [row.id, toResource(row)]));
    const orderById = new Map(orders.map((row) => [row.id, row]));
    for (const row of rows) {
      const resource = resourceById.get(row.resource_id)!;
      const bound = row.bound_order_id ? orderById.get(row.bound_order_id) : undefined;
      issued.set(row.code, {
        code: row.code,
        ownerId: row.user_id,
        isRevoked: row.revoked_at !== null,
        resource: resourceName(resource),
        ips: resource.publicIps,
        resourceExpiresOn: expiresOnOf(resource),
        boundOrder: bound && bound.status !== 'abandoned' ? { id: bound.id, number: bound.number, isFiled: bound.status === 'approved' } : null,
      });
    }
  }
  return serviceCodeFindings({ draft: order.draft, ownerId: order.userId, orderId: order.id, kind: order.kind, issued, today });
}

/** Binds the reviewed codes to the order and frees any it held before that its draft no longer names. */
export async function bindServiceCodes(ctx: AppContext, tx: Tx, actor: Actor, orderId: string, codes: string[]): Promise<void> {
  const now = ctx.clock.now();
  await releaseServiceCodes(ctx, tx, actor, orderId, 'no longer in the draft', codes);
  if (codes.length === 0) return;
  const bound = await tx
    .updateTable('service_codes')
    .set({ bound_order_id: orderId, bound_at: now })
    .where('code', 'in', codes)
    .where('bound_order_id', 'is', null)
    .returning('code')
    .execute();
  for (const row of bound) {
    await writeAudit(tx, actor, now, { entityType: 'service_code', entityId: row.code, action: 'bind', data: { orderId } });
  }
}

/** Frees the codes an order holds (it was abandoned or expired), except those in `keep`. */
export async function releaseServiceCodes(ctx: AppContext, tx: Tx, actor: Actor, orderId: string, reason: string, keep: string[] = []): Promise<void> {
  let query = tx.updateTable('service_codes').set({ bound_order_id: null, bound_at: null }).where('bound_order_id', '=', orderId);
  if (keep.length > 0) query = query.where('code', 'not in', keep);
  const released = await query.returning('code').execute();
  const now = ctx.clock.now();
  for (const row of released) {
    await writeAudit(tx, actor, now, { entityType: 'service_code', entityId: row.code, action: 'release', reason, data: { orderId } });
  }
}
