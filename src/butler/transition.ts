import type { Updateable } from 'kysely';
import type { AppContext } from '../core/context.ts';
import { writeAudit, type Actor } from '../core/audit.ts';
import type { Tx } from '../core/db/database.ts';
import type { ButlerTicketsTable } from '../core/db/schema.ts';
import { AppError } from '../core/errors.ts';
import { cancelJob, scheduleJob } from '../core/jobs.ts';
import { enqueueEvent } from '../core/outbox.ts';
import { clockDueAt, type ClockKind } from './clocks.ts';
import type { SessionUser } from '../accounts/index.ts';
import { loadVisibleTicket, type Ticket } from './repo.ts';
import { ACTION_TARGET, actionsFor, canTransition, isActionFor, type TicketAction, type TicketParty, type TicketStatus } from './status.ts';

export const CLOCK_JOB = 'butler.clock_due';
export const clockJobKey = (ticketId: string, clock: ClockKind): string => `butler:${ticketId}:${clock}`;

/** Schedules the job that reports a clock running out (it checks again when it runs: the clock may have been met). */
export async function scheduleClockJob(tx: Tx, now: Date, ticketId: string, clock: ClockKind, dueAt: Date): Promise<void> {
  await scheduleJob(tx, now, { name: CLOCK_JOB, payload: { ticketId, clock }, runAt: dueAt, dedupeKey: clockJobKey(ticketId, clock) });
}

/**
 * Refuses an action the party may not take in the ticket's status, saying which: a second confirmation gets its
 * own code, since the customer may simply have clicked twice.
 */
export function assertActionAllowed(ticket: Ticket, party: TicketParty, action: TicketAction): void {
  if (actionsFor(ticket.status, party).includes(action)) return;
  if (action === 'confirm' && party === 'owner' && ticket.confirmedAt) {
    throw new AppError('TICKET_ALREADY_CONFIRMED', { ticketId: ticket.id, confirmedAt: ticket.confirmedAt.toISOString() });
  }
  if (!isActionFor(action, party)) throw new AppError('FORBIDDEN', { action });
  throw new AppError('INVALID_TRANSITION', { from: ticket.status, to: ACTION_TARGET[action], action });
}

export type TicketTransition = {
  to: TicketStatus;
  reason?: string | null;
  /** Columns written with the status (times, the butler, the close reason …). */
  changes?: Updateable<ButlerTicketsTable>;
  data?: Record<string, unknown>;
};

/**
 * The one way a ticket changes status: checks the table, then writes the row (with the clock the queue sorts on),
 * the audit entry and the outbox event `butler_ticket.<to>` in the caller's transaction.
 */
export async function transitionTicket(ctx: AppContext, tx: Tx, actor: Actor, ticket: Ticket, input: TicketTransition): Promise<Ticket> {
  if (!canTransition(ticket.status, input.to)) throw new AppError('INVALID_TRANSITION', { from: ticket.status, to: input.to });
  const now = ctx.clock.now();
  const materialsDueAt = (input.changes?.materials_due_at as Date | undefined) ?? ticket.materialsDueAt;
  const dueAt = clockDueAt({ status: input.to, firstResponseDueAt: ticket.firstResponseDueAt, materialsDueAt });
  await tx
    .updateTable('butler_tickets')
    .set({ ...input.changes, status: input.to, clock_due_at: dueAt, version: ticket.version + 1, updated_at: now })
    .where('id', '=', ticket.id)
    .execute();
  await writeAudit(tx, actor, now, {
    entityType: 'butler_ticket',
    entityId: ticket.id,
    action: 'transition',
    fromStatus: ticket.status,
    toStatus: input.to,
    reason: input.reason ?? null,
    data: input.data ?? {},
  });
  await enqueueEvent(tx, now, {
    topic: `butler_ticket.${input.to}`,
    aggregateType: 'butler_ticket',
    aggregateId: ticket.id,
    payload: { ticketId: ticket.id, number: ticket.number, from: ticket.status, to: input.to, reason: input.reason ?? null, ...input.data },
  });
  // A clock that no longer runs has nothing left to report.
  if (input.to !== 'open') await cancelJob(tx, clockJobKey(ticket.id, 'first_response'));
  if (input.to !== 'confirmed') await cancelJob(tx, clockJobKey(ticket.id, 'materials'));
  return { ...ticket, status: input.to, version: ticket.version + 1, updatedAt: now };
}

/**
 * Runs one action on a ticket in a transaction: loads it locked (404 for anyone but its owner and the butlers),
 * checks the party may take the action now, and applies the transition the command builds.
 */
export async function actOnTicket(
  ctx: AppContext,
  actor: Actor,
  user: SessionUser,
  ticketId: string,
  action: TicketAction,
  build: (ticket: Ticket, now: Date, tx: Tx) => Promise<Omit<TicketTransition, 'to'>> | Omit<TicketTransition, 'to'>,
): Promise<Ticket> {
  return ctx.db.transaction().execute(async (tx) => {
    const { ticket, party } = await loadVisibleTicket(ctx, tx, user, ticketId, { forUpdate: true });
    assertActionAllowed(ticket, party, action);
    const transition = await build(ticket, ctx.clock.now(), tx);
    return transitionTicket(ctx, tx, actor, ticket, { ...transition, to: ACTION_TARGET[action] });
  });
}
