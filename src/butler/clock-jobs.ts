import type { AppContext } from '../core/context.ts';
import { SYSTEM_ACTOR, writeAudit } from '../core/audit.ts';
import { enqueueEvent } from '../core/outbox.ts';
import { runningClock, type ClockKind } from './clocks.ts';
import { findTicket } from './repo.ts';
import { CLOCK_JOB } from './transition.ts';

/**
 * A ticket's clock fell due on the application clock. If it still runs (the butler has not called; the materials
 * are not in), the ticket is marked and the butlers are told through the outbox — once per clock.
 */
export async function reportClockDue(ctx: AppContext, payload: Record<string, unknown>): Promise<void> {
  const clock = payload.clock as ClockKind;
  await ctx.db.transaction().execute(async (tx) => {
    const ticket = await findTicket(ctx, tx, String(payload.ticketId), { forUpdate: true });
    if (!ticket || runningClock(ticket.status) !== clock) return;
    const now = ctx.clock.now();
    const dueAt = clock === 'first_response' ? ticket.firstResponseDueAt : ticket.materialsDueAt;
    const reportedAt = clock === 'first_response' ? ticket.firstResponseOverdueAt : ticket.materialsOverdueAt;
    if (!dueAt || dueAt.getTime() > now.getTime() || reportedAt) return;
    await tx
      .updateTable('butler_tickets')
      .set(clock === 'first_response' ? { first_response_overdue_at: now } : { materials_overdue_at: now })
      .where('id', '=', ticket.id)
      .execute();
    await writeAudit(tx, SYSTEM_ACTOR, now, {
      entityType: 'butler_ticket',
      entityId: ticket.id,
      action: 'clock_expired',
      reason: clock,
      data: { clock, dueAt: dueAt.toISOString() },
    });
    await enqueueEvent(tx, now, {
      topic: 'butler_ticket.clock_expired',
      aggregateType: 'butler_ticket',
      aggregateId: ticket.id,
      payload: { ticketId: ticket.id, number: ticket.number, clock, dueAt: dueAt.toISOString() },
    });
  });
}

export function registerClockJobs(ctx: AppContext): void {
  ctx.jobs.register(CLOCK_JOB, (payload) => reportClockDue(ctx, payload));
}
