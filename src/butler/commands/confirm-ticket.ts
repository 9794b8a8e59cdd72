import type { AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { materialsDue } from '../clocks.ts';
import { NO_REFUND_NOTICE } from '../notices.ts';
import type { Ticket } from '../repo.ts';
import { actOnTicket, scheduleClockJob } from '../transition.ts';

export type ConfirmTicketInput = { ticketId: string; acknowledgeNoRefund: boolean | undefined };

/**
 * The customer confirms the service. From here it is not refundable — the console shows NO_REFUND_NOTICE first and
 * the request must say it was acknowledged, which the audit row records with the notice's words — and the
 * butler's 3-workday materials clock starts. A second confirmation is refused and changes nothing.
 */
export async function confirmTicket(ctx: AppContext, actor: Actor, user: SessionUser, input: ConfirmTicketInput): Promise<Ticket> {
  if (input.acknowledgeNoRefund !== true) {
    throw AppError.field(
      'VALIDATION_FAILED',
      'body.acknowledgeNoRefund',
      `body.acknowledgeNoRefund：请先阅读并同意：${NO_REFUND_NOTICE.zh}`,
      `body.acknowledgeNoRefund: read and accept first: ${NO_REFUND_NOTICE.en}`,
    );
  }
  return actOnTicket(ctx, actor, user, input.ticketId, 'confirm', async (ticket, now, tx) => {
    const dueAt = materialsDue(now);
    await scheduleClockJob(tx, now, ticket.id, 'materials', dueAt);
    return {
      changes: { confirmed_at: now, materials_due_at: dueAt },
      data: { acknowledgeNoRefund: true, noRefundNotice: NO_REFUND_NOTICE, materialsDueAt: dueAt.toISOString() },
    };
  });
}
