import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { transitionOrder, withReviewDecision } from './decide.ts';

export type SupplementItem = { kind?: string; path?: string; note: string };

/** Asks the applicant for more or better material; the order goes back to them and returns on resubmit. */
export async function requestSupplement(ctx: AppContext, actor: Actor, input: { orderId: string; expectedVersion?: number; items: SupplementItem[] }) {
  return withReviewDecision(ctx, actor, input, async (tx, order) => {
    const after = await transitionOrder(ctx, tx, actor, order, {
      to: 'supplement_requested',
      reason: input.items.map((item) => item.note).join('; ').slice(0, 500),
      changes: { supplement_items: JSON.stringify(input.items), claimed_by: null, claimed_at: null },
      data: { items: input.items },
      returnedWith: input.items,
    });
    return { id: after.id, status: after.status, version: after.version };
  });
}
