import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import type { SessionUser } from '../../accounts/index.ts';
import type { Ticket } from '../repo.ts';
import { actOnTicket } from '../transition.ts';

export type SubmitTicketInput = { ticketId: string; note?: string };

/** The butler has prepared and uploaded the materials and submitted the application: the materials clock stops. */
export async function submitTicket(ctx: AppContext, actor: Actor, user: SessionUser, input: SubmitTicketInput): Promise<Ticket> {
  return actOnTicket(ctx, actor, user, input.ticketId, 'submit', (_ticket, now) => ({
    reason: input.note ?? null,
    changes: { submitted_at: now },
  }));
}
