import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { transitionOrder, withReviewDecision } from './decide.ts';

/** The provider's initial review passes: the order waits to be sent to the regulator (about one workday). */
export async function approveOrder(ctx: AppContext, actor: Actor, input: { orderId: string; expectedVersion?: number; note?: string }) {
  return withReviewDecision(ctx, actor, input, async (tx, order) => {
    const after = await transitionOrder(ctx, tx, actor, order, {
      to: 'awaiting_regulator',
      reason: input.note ?? 'provider review passed',
      changes: { reject_reasons: '[]', supplement_items: '[]' },
    });
    return { id: after.id, status: after.status, version: after.version };
  });
}
