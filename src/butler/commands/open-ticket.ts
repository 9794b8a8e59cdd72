import type { AppContext } from '../../core/context.ts';
import { writeAudit, type Actor } from '../../core/audit.ts';
import { AppError } from '../../core/errors.ts';
import { newId, newOrderNumber } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { ISP_CHECKLIST_KEYS, normaliseMobile, type ButlerService, type IspScope } from '../../rules/index.ts';
import { clockDueAt, firstResponseDue } from '../clocks.ts';
import { findTicket, type Ticket } from '../repo.ts';
import { scheduleClockJob } from '../transition.ts';

export type OpenTicketInput = {
  service: ButlerService;
  note: string;
  contactMobile: string;
  /** ISP licence consulting only: the scope asked for and the company's registered capital. */
  isp?: { scope: IspScope; registeredCapitalCny: number };
};

/**
 * An applicant asks for the butler's help (free). The first call is due 30 minutes into business hours; a job
 * reports the clock to the butlers if it runs out. An ISP licence ticket starts with its requirements checklist.
 */
export async function openTicket(ctx: AppContext, actor: Actor, user: SessionUser, input: OpenTicketInput): Promise<Ticket> {
  const mobile = normaliseMobile(input.contactMobile);
  if (!mobile) {
    throw AppError.field(
      'VALIDATION_FAILED',
      'body.contactMobile',
      'body.contactMobile：请填写中国大陆 11 位手机号，如 13800000000',
      'body.contactMobile: enter a mainland mobile number of 11 digits, e.g. 13800000000',
    );
  }
  if (input.isp && input.service !== 'isp_licence') {
    throw AppError.field('VALIDATION_FAILED', 'body.isp', 'body.isp：仅 ISP 经营许可证咨询需要填写', 'body.isp: only for ISP licence consulting (service isp_licence)');
  }
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const dueAt = firstResponseDue(now);
    await tx
      .insertInto('butler_tickets')
      .values({
        id,
        number: `GJ${newOrderNumber(now)}`,
        user_id: user.id,
        service: input.service,
        status: 'open',
        note: input.note,
        contact_mobile: ctx.cipher.encrypt(mobile),
        isp_scope: input.isp?.scope ?? null,
        isp_registered_capital_cny: input.isp?.registeredCapitalCny ?? null,
        opened_at: now,
        first_response_due_at: dueAt,
        clock_due_at: clockDueAt({ status: 'open', firstResponseDueAt: dueAt, materialsDueAt: null }),
        updated_at: now,
      })
      .execute();
    if (input.service === 'isp_licence') {
      await tx
        .insertInto('butler_checklist_items')
        .values(ISP_CHECKLIST_KEYS.map((key) => ({ ticket_id: id, item_key: key })))
        .execute();
    }
    await writeAudit(tx, actor, now, { entityType: 'butler_ticket', entityId: id, action: 'open', toStatus: 'open', data: { service: input.service } });
    await enqueueEvent(tx, now, {
      topic: 'butler_ticket.opened',
      aggregateType: 'butler_ticket',
      aggregateId: id,
      payload: { ticketId: id, service: input.service, firstResponseDueAt: dueAt.toISOString() },
    });
    await scheduleClockJob(tx, now, id, 'first_response', dueAt);
  });
  return (await findTicket(ctx, ctx.db, id))!;
}
