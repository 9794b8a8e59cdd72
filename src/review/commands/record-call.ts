import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { explainedReason } from '../../regulator/index.ts';
import { transitionOrder, withReviewDecision } from './decide.ts';

export type CallOutcome = 'answered' | 'missed' | 'wrong_number' | 'refused';

/** After this many missed calls the order is rejected as unreachable (SPEC §12). */
export const MISSED_CALLS_BEFORE_REJECTION = 2;

/**
 * Reviewers phone the responsible persons. Each call is recorded; the second missed call rejects the order with
 * PHONE_UNREACHABLE in the same transaction.
 */
export async function recordCall(ctx: AppContext, actor: Actor, input: { orderId: string; person: string; outcome: CallOutcome; note?: string }) {
  return withReviewDecision(ctx, actor, { orderId: input.orderId }, async (tx, order) => {
    const now = ctx.clock.now();
    await tx
      .insertInto('review_calls')
      .values({ order_id: order.id, reviewer: actor.userId, person_path: input.person, outcome: input.outcome, note: input.note ?? null, created_at: now })
      .execute();
    await writeAudit(tx, actor, now, { entityType: 'order', entityId: order.id, action: 'call', reason: input.outcome, data: { person: input.person } });
    // Missed calls count since the latest submission, so a resubmitted order starts afresh.
    const missed = await tx
      .selectFrom('review_calls')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('order_id', '=', order.id)
      .where('outcome', '=', 'missed')
      .where('created_at', '>=', order.submittedAt ?? order.createdAt)
      .executeTakeFirstOrThrow();
    if (Number(missed.count) < MISSED_CALLS_BEFORE_REJECTION) return { status: order.status, missedCalls: Number(missed.count) };
    const reasons = [explainedReason('PHONE_UNREACHABLE', `${input.person}.mobile`)];
    const after = await transitionOrder(ctx, tx, actor, order, {
      to: 'provider_rejected',
      reason: 'PHONE_UNREACHABLE',
      changes: { reject_reasons: JSON.stringify(reasons), claimed_by: null, claimed_at: null },
      data: { reasons },
      returnedWith: reasons,
    });
    return { status: after.status, missedCalls: Number(missed.count) };
  });
}
