import { FIRST_RESPONSE_BUSINESS_MINUTES, MATERIALS_WORKDAYS, PLATFORM_CALENDAR } from '../rules/index.ts';
import { assertNever, type TicketStatus } from './status.ts';

/**
 * The two promises of the butler service (SPEC §11) as clocks on the application clock: the first call within
 * 30 minutes of business time, and — once the customer confirms — the materials within 3 workdays. Pure.
 */
export type ClockKind = 'first_response' | 'materials';

export type ClockView = {
  kind: ClockKind;
  startedAt: string;
  dueAt: string;
  /** When the promise was kept (the butler answered; the materials were submitted). */
  metAt: string | null;
  /** Still counting: not met, and the ticket is not closed. */
  isRunning: boolean;
  /** Running, and its due time has come. */
  isOverdue: boolean;
  /** Met, but not before the due time. */
  wasLate: boolean;
};

export type TicketTimes = {
  status: TicketStatus;
  openedAt: Date;
  firstResponseDueAt: Date;
  respondedAt: Date | null;
  confirmedAt: Date | null;
  materialsDueAt: Date | null;
  submittedAt: Date | null;
};

/** When the first call is due for a request opened at `openedAt`. */
export const firstResponseDue = (openedAt: Date): Date => PLATFORM_CALENDAR.addBusinessMinutes(openedAt, FIRST_RESPONSE_BUSINESS_MINUTES);

/** When the materials are due once the customer confirms at `confirmedAt`: 3 workdays of business time. */
export const materialsDue = (confirmedAt: Date): Date => PLATFORM_CALENDAR.addBusinessDays(confirmedAt, MATERIALS_WORKDAYS);

/** Whether a request made at this instant waits for the next opening (outside workday business hours). */
export const isOutsideBusinessHours = (instant: Date): boolean => PLATFORM_CALENDAR.nextBusinessMoment(instant).getTime() !== instant.getTime();

/** Which clock runs in a status, if any: the one the butler's queue sorts on. Exhaustive. */
export function runningClock(status: TicketStatus): ClockKind | null {
  switch (status) {
    case 'open':
      return 'first_response';
    case 'confirmed':
      return 'materials';
    case 'responded':
    case 'submitted':
    case 'accepted':
    case 'closed':
      return null;
    default:
      return assertNever(status);
  }
}

function view(kind: ClockKind, startedAt: Date, dueAt: Date, metAt: Date | null, isRunning: boolean, now: Date): ClockView {
  return {
    kind,
    startedAt: startedAt.toISOString(),
    dueAt: dueAt.toISOString(),
    metAt: metAt?.toISOString() ?? null,
    isRunning,
    isOverdue: isRunning && now.getTime() >= dueAt.getTime(),
    wasLate: metAt !== null && metAt.getTime() >= dueAt.getTime(),
  };
}

/** The ticket's clocks as of `now`: the first-response clock always, the materials clock once confirmed. */
export function ticketClocks(ticket: TicketTimes, now: Date): ClockView[] {
  const running = runningClock(ticket.status);
  const clocks = [view('first_response', ticket.openedAt, ticket.firstResponseDueAt, ticket.respondedAt, running === 'first_response', now)];
  if (ticket.confirmedAt && ticket.materialsDueAt) {
    clocks.push(view('materials', ticket.confirmedAt, ticket.materialsDueAt, ticket.submittedAt, running === 'materials', now));
  }
  return clocks;
}

/** The due time the queue sorts on: the running clock's, else null. */
export function clockDueAt(ticket: Pick<TicketTimes, 'status' | 'firstResponseDueAt' | 'materialsDueAt'>): Date | null {
  const running = runningClock(ticket.status);
  if (running === 'first_response') return ticket.firstResponseDueAt;
  if (running === 'materials') return ticket.materialsDueAt;
  return null;
}
