import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { orderAccess, personalFields, personKeyOfPath } from '../access.ts';
import { loadVisibleOrder } from '../repo.ts';

/**
 * A staff member who sees an order masked opens one personal field (an ID number to compare with a scan, a mobile to
 * call). Each opening is an audit row with the field and the person it belongs to.
 */
export async function revealField(ctx: AppContext, actor: Actor, user: SessionUser, input: { orderId: string; path: string }) {
  const order = await loadVisibleOrder(ctx, ctx.db, user, input.orderId);
  if (orderAccess(user, order) === 'owner') throw new AppError('FORBIDDEN');
  const field = personalFields(order.draft).find((f) => f.path === input.path);
  if (!field) {
    throw AppError.field('VALIDATION_FAILED', 'body.path', 'body.path：该订单没有这个个人信息字段', 'body.path: this order has no such personal field');
  }
  await writeAudit(ctx.db, actor, ctx.clock.now(), {
    entityType: 'order',
    entityId: order.id,
    action: 'personal_data_revealed',
    data: { path: field.path },
    personKeys: personKeyOfPath(ctx, order.draft, field.path),
  });
  return { path: field.path, value: field.value };
}
