import type { Selectable } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { Executor } from '../core/db/database.ts';
import type { ButlerTicketsTable } from '../core/db/schema.ts';
import { AppError } from '../core/errors.ts';
import type { Role, SessionUser } from '../accounts/index.ts';
import type { ButlerService, IspScope } from '../rules/index.ts';
import type { TicketParty, TicketStatus } from './status.ts';

/** The provider staff who work the butler queue. */
export const BUTLER_ROLES = ['butler', 'admin'] as const satisfies readonly Role[];
export const isButlerStaff = (role: Role): boolean => (BUTLER_ROLES as readonly Role[]).includes(role);

export type TicketRow = Selectable<ButlerTicketsTable>;

export type Ticket = {
  id: string;
  number: string;
  ownerId: string;
  service: ButlerService;
  status: TicketStatus;
  note: string;
  /** Decrypted: only the owner and the butler ever load a ticket. */
  contactMobile: string;
  isp: { scope: IspScope; registeredCapitalCny: number } | null;
  openedAt: Date;
  firstResponseDueAt: Date;
  respondedAt: Date | null;
  butlerId: string | null;
  confirmedAt: Date | null;
  materialsDueAt: Date | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  firstResponseOverdueAt: Date | null;
  materialsOverdueAt: Date | null;
  version: number;
  updatedAt: Date;
};

export function toTicket(ctx: AppContext, row: TicketRow): Ticket {
  return {
    id: row.id,
    number: row.number,
    ownerId: row.user_id,
    service: row.service,
    status: row.status,
    note: row.note,
    contactMobile: ctx.cipher.decrypt(row.contact_mobile),
    isp:
      row.isp_scope && row.isp_registered_capital_cny !== null
        ? { scope: row.isp_scope, registeredCapitalCny: Number(row.isp_registered_capital_cny) }
        : null,
    openedAt: row.opened_at,
    firstResponseDueAt: row.first_response_due_at,
    respondedAt: row.responded_at,
    butlerId: row.butler_id,
    confirmedAt: row.confirmed_at,
    materialsDueAt: row.materials_due_at,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
    firstResponseOverdueAt: row.first_response_overdue_at,
    materialsOverdueAt: row.materials_overdue_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** How the user stands to the ticket: its owner, a butler, or nobody (who is told it does not exist). */
export function partyOf(user: SessionUser, ticket: Pick<Ticket, 'ownerId'>): TicketParty | null {
  if (isButlerStaff(user.role)) return 'butler';
  return ticket.ownerId === user.id ? 'owner' : null;
}

/** The ticket with this id, if the id is one at all. */
export async function findTicket(ctx: AppContext, executor: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<Ticket | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = executor.selectFrom('butler_tickets').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toTicket(ctx, row);
}

/** Loads a ticket the user may see, with their party; anyone else gets 404, so ticket ids reveal nothing. */
export async function loadVisibleTicket(
  ctx: AppContext,
  executor: Executor,
  user: SessionUser,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ ticket: Ticket; party: TicketParty }> {
  const ticket = await findTicket(ctx, executor, id, options);
  const party = ticket && partyOf(user, ticket);
  if (!ticket || !party) throw AppError.field('NOT_FOUND', 'params.id', '找不到该工单', 'No such ticket');
  return { ticket, party };
}
