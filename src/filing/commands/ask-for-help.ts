import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { loadVisibleOrder } from '../repo.ts';

/**
 * The applicant lets the provider's staff see a draft before it is submitted (or takes that back). Until then a draft
 * is the applicant's alone (access.ts). Both are audit rows on the order.
 */
export async function setHelpRequest(ctx: AppContext, actor: Actor, user: SessionUser, input: { orderId: string; isAsking: boolean; note?: string }) {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const order = await loadVisibleOrder(ctx, tx, user, input.orderId, { forUpdate: true });
    if (order.userId !== user.id) throw new AppError('FORBIDDEN');
    if (order.submittedAt !== null && input.isAsking) throw new AppError('INVALID_TRANSITION', { status: order.status, action: 'ask_for_help', reason: 'already_submitted' });
    const helpRequestedAt = input.isAsking ? (order.helpRequestedAt ?? now) : null;
    await tx.updateTable('orders').set({ help_requested_at: helpRequestedAt }).where('id', '=', order.id).execute();
    await writeAudit(tx, actor, now, {
      entityType: 'order',
      entityId: order.id,
      action: input.isAsking ? 'help_requested' : 'help_withdrawn',
      reason: input.note ?? null,
    });
    return { id: order.id, helpRequestedAt: helpRequestedAt?.toISOString() ?? null };
  });
}
