import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import type { SessionUser } from '../../accounts/index.ts';
import type { Ticket } from '../repo.ts';
import { actOnTicket } from '../transition.ts';

export type CloseTicketInput = { ticketId: string; reason: string };

/**
 * Ends a ticket early. The customer may withdraw a request that is still free (not confirmed); after confirmation
 * only the butler can close it (force majeure, false materials, a service the law does not allow), and it stays
 * non-refundable.
 */
export async function closeTicket(ctx: AppContext, actor: Actor, user: SessionUser, input: CloseTicketInput): Promise<Ticket> {
  return actOnTicket(ctx, actor, user, input.ticketId, 'close', (ticket, now) => ({
    reason: input.reason,
    changes: { closed_at: now, close_reason: input.reason },
    data: { wasConfirmed: ticket.confirmedAt !== null },
  }));
}
