import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { isIspChecklistKey } from '../../rules/index.ts';
import { loadVisibleTicket } from '../repo.ts';
import { isFinal } from '../status.ts';

export type TickChecklistItemInput = { ticketId: string; key: string; done: boolean };

/**
 * Marks one ISP-licence requirement done or not done on the applicant's ticket, recording who and when. The
 * applicant and the butler both may; a finished ticket's checklist is kept as it was.
 */
export async function tickChecklistItem(ctx: AppContext, actor: Actor, user: SessionUser, input: TickChecklistItemInput): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const { ticket } = await loadVisibleTicket(ctx, tx, user, input.ticketId, { forUpdate: true });
    const item = isIspChecklistKey(input.key)
      ? await tx.selectFrom('butler_checklist_items').selectAll().where('ticket_id', '=', ticket.id).where('item_key', '=', input.key).executeTakeFirst()
      : undefined;
    if (!item) {
      throw AppError.field('NOT_FOUND', 'params.key', 'params.key：该工单没有这一项清单', 'params.key: this ticket has no such checklist item');
    }
    if (isFinal(ticket.status)) throw new AppError('INVALID_TRANSITION', { from: ticket.status, action: 'tick' });
    if (item.done === input.done) return;
    const now = ctx.clock.now();
    await tx
      .updateTable('butler_checklist_items')
      .set({ done: input.done, ticked_by: user.id, ticked_role: user.role, ticked_at: now })
      .where('ticket_id', '=', ticket.id)
      .where('item_key', '=', input.key)
      .execute();
    await writeAudit(tx, actor, now, { entityType: 'butler_ticket', entityId: ticket.id, action: 'checklist', data: { key: input.key, done: input.done } });
    await enqueueEvent(tx, now, {
      topic: 'butler_ticket.checklist_ticked',
      aggregateType: 'butler_ticket',
      aggregateId: ticket.id,
      payload: { ticketId: ticket.id, number: ticket.number, key: input.key, done: input.done, byRole: user.role },
    });
  });
}
