import type { AppContext } from '../core/context.ts';
import type { Actor } from '../core/audit.ts';
import { writeAudit } from '../core/audit.ts';
import type { Tx } from '../core/db/database.ts';
import type { OrdersTable } from '../core/db/schema.ts';
import { AppError } from '../core/errors.ts';
import { enqueueEvent } from '../core/outbox.ts';
import type { Updateable } from 'kysely';
import type { Order } from './repo.ts';
import type { DecisionReason } from '../rules/index.ts';
import { recordDecision } from './decisions.ts';
import { canTransition, isReturned, type OrderStatus } from './status.ts';

export type TransitionInput = {
  to: OrderStatus;
  reason?: string;
  /** Extra columns written with the status (reasons, deadlines …). */
  changes?: Updateable<OrdersTable>;
  /** Carried in the audit row and the outbox event. */
  data?: Record<string, unknown>;
  /**
   * Required when the order goes back to the applicant (RETURNED_STATUSES): the reasons or supplement items.
   * The draft decided on is kept with them, so the resubmission can be compared with it.
   */
  returnedWith?: readonly DecisionReason[];
};

/**
 * The one way an order changes status: checks the transition table, then writes the row, the audit entry and
 * the outbox event `order.<to>` in the caller's transaction.
 */
export async function transitionOrder(ctx: AppContext, tx: Tx, actor: Actor, order: Order, input: TransitionInput): Promise<Order> {
  if (!canTransition(order.status, input.to)) {
    throw new AppError('INVALID_TRANSITION', { from: order.status, to: input.to });
  }
  const now = ctx.clock.now();
  if (isReturned(input.to)) {
    if (!input.returnedWith) throw new Error(`transitionOrder to ${input.to} needs returnedWith (the reasons)`);
    await recordDecision(ctx, tx, actor, order, { outcome: input.to, reasons: input.returnedWith, at: now });
  }
  await tx
    .updateTable('orders')
    .set({ ...input.changes, status: input.to, version: order.version + 1, updated_at: now, last_activity_at: now })
    .where('id', '=', order.id)
    .execute();
  await writeAudit(tx, actor, now, {
    entityType: 'order',
    entityId: order.id,
    action: 'transition',
    fromStatus: order.status,
    toStatus: input.to,
    reason: input.reason ?? null,
    data: input.data ?? {},
  });
  await enqueueEvent(tx, now, {
    topic: `order.${input.to}`,
    aggregateType: 'order',
    aggregateId: order.id,
    payload: { orderId: order.id, orderNumber: order.number, userId: order.userId, from: order.status, to: input.to, reason: input.reason ?? null, ...input.data },
  });
  return { ...order, status: input.to, version: order.version + 1, updatedAt: now, lastActivityAt: now };
}
