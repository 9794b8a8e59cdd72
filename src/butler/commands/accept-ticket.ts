import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import type { SessionUser } from '../../accounts/index.ts';
import type { Ticket } from '../repo.ts';
import { actOnTicket } from '../transition.ts';

export type AcceptTicketInput = { ticketId: string; note?: string };

/** The authority has accepted the application (受理): the service is complete. */
export async function acceptTicket(ctx: AppContext, actor: Actor, user: SessionUser, input: AcceptTicketInput): Promise<Ticket> {
  return actOnTicket(ctx, actor, user, input.ticketId, 'accept', (_ticket, now) => ({
    reason: input.note ?? null,
    changes: { accepted_at: now },
  }));
}
