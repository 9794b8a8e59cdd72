import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import type { SessionUser } from '../../accounts/index.ts';
import { presentTicket, type TicketView } from '../present.ts';
import { isButlerStaff, toTicket } from '../repo.ts';
import type { TicketStatus } from '../status.ts';

export type ListTicketsQuery = { status?: TicketStatus; page: number; pageSize: number };

/**
 * Applicants see their own tickets, newest first. Butlers see every ticket with its clocks: the ones whose clock
 * ran out first, then the rest by how soon their clock runs out, then those waiting on nobody (newest first).
 * A running clock's due time is kept in `clock_due_at`, so "overdue first" is simply its ascending order.
 */
export async function listTickets(ctx: AppContext, user: SessionUser, query: ListTicketsQuery): Promise<{ items: TicketView[]; total: number; page: number; pageSize: number; now: string }> {
  const isButler = isButlerStaff(user.role);
  let select = ctx.db.selectFrom('butler_tickets').innerJoin('users', 'users.id', 'butler_tickets.user_id');
  if (!isButler) select = select.where('butler_tickets.user_id', '=', user.id);
  if (query.status) select = select.where('butler_tickets.status', '=', query.status);
  const total = await select.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  let ordered = select.selectAll('butler_tickets').select('users.email as applicant_email');
  ordered = isButler
    ? ordered.orderBy(sql`butler_tickets.clock_due_at ASC NULLS LAST`).orderBy('butler_tickets.opened_at', 'desc')
    : ordered.orderBy('butler_tickets.opened_at', 'desc');
  const rows = await ordered.orderBy('butler_tickets.id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  const now = ctx.clock.now();
  return {
    items: rows.map((row) => presentTicket(toTicket(ctx, row), isButler ? 'butler' : 'owner', now, { applicantEmail: row.applicant_email, maskMobile: true })),
    total: Number(total.count),
    page: query.page,
    pageSize: query.pageSize,
    now: now.toISOString(),
  };
}
