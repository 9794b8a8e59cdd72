import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import type { Tx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';
import { loadOrderForUpdate, transitionOrder, type Order } from '../../filing/index.ts';
import { CLAIM_TTL_MS } from './claim-order.ts';

/**
 * Shared guard for a reviewer's decision: the order is locked, still in review, its version matches If-Match
 * when given, and nobody else holds a live claim. Two reviewers deciding at once: the second waits for the
 * lock, then finds the status changed and gets 409 (or 412 with a stale version).
 */
export async function withReviewDecision<T>(
  ctx: AppContext,
  actor: Actor,
  input: { orderId: string; expectedVersion?: number },
  decide: (tx: Tx, order: Order) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => {
    const order = await loadOrderForUpdate(ctx, tx, input.orderId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== order.version) {
      throw new AppError('VERSION_MISMATCH', { currentVersion: order.version, status: order.status });
    }
    if (order.status !== 'provider_review') throw new AppError('INVALID_TRANSITION', { from: order.status });
    const claim = await tx.selectFrom('orders').select(['claimed_by', 'claimed_at']).where('id', '=', order.id).executeTakeFirstOrThrow();
    const isClaimLive = claim.claimed_by && claim.claimed_at && claim.claimed_at.getTime() > ctx.clock.now().getTime() - CLAIM_TTL_MS;
    if (isClaimLive && claim.claimed_by !== actor.userId) throw new AppError('CONFLICT', { reason: 'claimed_by_another' });
    return decide(tx, order);
  });
}

export { transitionOrder };
