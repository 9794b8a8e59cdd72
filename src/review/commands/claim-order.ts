import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';

/** A claim lapses after this long, so an order never stays stuck with an absent reviewer. */
export const CLAIM_TTL_MS = 30 * 60_000;

/**
 * One reviewer works an order at a time. The conditional update makes concurrent claims safe: exactly one
 * reviewer's update matches, the other gets 409.
 */
export async function claimOrder(ctx: AppContext, actor: Actor, orderId: string): Promise<{ claimedBy: string; claimedAt: string }> {
  const now = ctx.clock.now();
  const reviewerId = actor.userId!;
  return ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('orders')
      .set({ claimed_by: reviewerId, claimed_at: now })
      .where('id', '=', orderId)
      .where('status', '=', 'provider_review')
      .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', reviewerId), eb('claimed_at', '<', new Date(now.getTime() - CLAIM_TTL_MS))]))
      .returning(['id'])
      .executeTakeFirst();
    if (!updated) {
      const order = await tx.selectFrom('orders').select(['status', 'claimed_by']).where('id', '=', orderId).executeTakeFirst();
      if (!order) throw new AppError('NOT_FOUND');
      throw new AppError('CONFLICT', { reason: order.status !== 'provider_review' ? 'not_in_review' : 'claimed_by_another', status: order.status });
    }
    await writeAudit(tx, actor, now, { entityType: 'order', entityId: orderId, action: 'claim' });
    return { claimedBy: reviewerId, claimedAt: now.toISOString() };
  });
}
