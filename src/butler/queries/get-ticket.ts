import { writeAudit, type Actor } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { maskEmail } from '../../core/personal-data.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { ISP_CHECKLIST, type Bilingual } from '../../rules/index.ts';
import { invoicingEntityOf, type InvoiceRequestView } from '../commands/request-invoice.ts';
import { presentTicket, type TicketView } from '../present.ts';
import { loadVisibleTicket } from '../repo.ts';

const PERSONAL_DATA_VIEWED = 'personal_data_viewed';

export type ChecklistItemView = {
  key: string;
  title: Bilingual;
  detail: Bilingual;
  done: boolean;
  tickedAt: string | null;
  tickedBy: { role: string; name: string } | null;
};
/** One line of the ticket's history (its audit rows): a status change, a clock run out, a checklist tick, an invoice request. */
export type TicketEvent = {
  at: string;
  action: string;
  from: string | null;
  to: string | null;
  actorRole: string;
  note: string | null;
  /** The checklist item ticked or the clock that ran out. */
  subject: string | null;
  done: boolean | null;
};
export type TicketDetail = TicketView & {
  checklist: ChecklistItemView[];
  /** 开票主体 the customer picks in billing for this service's invoice (provider facts), null when not named. */
  invoicingEntity: string | null;
  invoiceRequests: InvoiceRequestView[];
  timeline: TicketEvent[];
  now: string;
};

/**
 * One ticket for its owner or a butler: the view with its clocks, the ISP checklist, invoice requests and what
 * happened. A butler's view shows the customer's contact mobile and invoice e-mails: it is an audit row (kept out of
 * the ticket's own history, which is what was done, not who looked).
 */
export async function getTicket(ctx: AppContext, user: SessionUser, id: string, actor: Actor = { userId: user.id, role: user.role, requestId: null }): Promise<TicketDetail> {
  const { ticket, party } = await loadVisibleTicket(ctx, ctx.db, user, id);
  if (party === 'butler') {
    await writeAudit(ctx.db, actor, ctx.clock.now(), { entityType: 'butler_ticket', entityId: ticket.id, action: PERSONAL_DATA_VIEWED, data: { fields: ['contactMobile', 'invoiceRequests.email'] } });
  }
  const [owner, items, invoices, audit] = await Promise.all([
    ctx.db.selectFrom('users').select('email').where('id', '=', ticket.ownerId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('butler_checklist_items')
      .leftJoin('users', 'users.id', 'butler_checklist_items.ticked_by')
      .select(['butler_checklist_items.item_key', 'butler_checklist_items.done', 'butler_checklist_items.ticked_at', 'butler_checklist_items.ticked_role', 'users.display_name', 'users.email'])
      .where('butler_checklist_items.ticket_id', '=', ticket.id)
      .execute(),
    ctx.db.selectFrom('butler_invoice_requests').selectAll().where('ticket_id', '=', ticket.id).orderBy('requested_at').execute(),
    ctx.db
      .selectFrom('audit_log')
      .select(['at', 'action', 'from_status', 'to_status', 'actor_role', 'reason', 'data'])
      .where('entity_type', '=', 'butler_ticket')
      .where('entity_id', '=', ticket.id)
      .where('action', '!=', PERSONAL_DATA_VIEWED)
      .orderBy('id')
      .execute(),
  ]);
  const byKey = new Map(items.map((item) => [item.item_key, item]));
  const now = ctx.clock.now();
  return {
    ...presentTicket(ticket, party, now, { applicantEmail: owner.email }),
    checklist: ISP_CHECKLIST.filter((item) => byKey.has(item.key)).map((item) => {
      const row = byKey.get(item.key)!;
      return {
        key: item.key,
        title: item.title,
        detail: item.detail,
        done: row.done,
        tickedAt: row.ticked_at?.toISOString() ?? null,
        tickedBy: row.ticked_role ? { role: row.ticked_role, name: row.display_name ?? (row.email ? maskEmail(row.email) : '—') } : null,
      };
    }),
    invoicingEntity: invoicingEntityOf(ctx),
    invoiceRequests: invoices.map((row) => ({
      id: row.id,
      ticketId: row.ticket_id,
      invoicingEntity: row.invoicing_entity,
      entityName: row.entity_name,
      taxNumber: row.tax_number,
      email: ctx.cipher.decrypt(row.email),
      requestedAt: row.requested_at.toISOString(),
    })),
    timeline: audit.map((row) => ({
      at: row.at.toISOString(),
      action: row.action,
      from: row.from_status,
      to: row.to_status,
      actorRole: row.actor_role ?? 'system',
      note: row.action === 'transition' ? row.reason : null,
      subject: typeof row.data.key === 'string' ? row.data.key : typeof row.data.clock === 'string' ? row.data.clock : null,
      done: typeof row.data.done === 'boolean' ? row.data.done : null,
    })),
    now: now.toISOString(),
  };
}
