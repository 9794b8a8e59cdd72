import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import type { SessionUser } from '../../accounts/index.ts';
import type { Ticket } from '../repo.ts';
import { actOnTicket } from '../transition.ts';

export type RespondTicketInput = { ticketId: string; note?: string };

/** The butler has called the customer: the first-response clock stops, and the butler is named on the ticket. */
export async function respondTicket(ctx: AppContext, actor: Actor, user: SessionUser, input: RespondTicketInput): Promise<Ticket> {
  return actOnTicket(ctx, actor, user, input.ticketId, 'respond', (_ticket, now) => ({
    reason: input.note ?? null,
    changes: { responded_at: now, butler_id: user.id },
  }));
}
