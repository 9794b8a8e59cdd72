import { maskEmail, maskMobile } from '../core/personal-data.ts';
import { BUTLER_SERVICE_NAMES, calendarGapWarning, ispEligibility, uncoveredYears, type Bilingual } from '../rules/index.ts';
import { isOutsideBusinessHours, ticketClocks, type ClockView } from './clocks.ts';
import { NO_REFUND_NOTICE } from './notices.ts';
import type { Ticket } from './repo.ts';
import { actionsFor, describeTicketStatus, type TicketAction, type TicketParty } from './status.ts';

export type TicketView = {
  id: string;
  number: string;
  service: Ticket['service'];
  serviceName: Bilingual;
  status: Ticket['status'];
  statusLabel: Bilingual;
  note: string;
  /** In full on the ticket itself (the butler calls it); masked in lists. */
  contactMobile: string;
  /** The account that opened it, masked: shown to the butler only. */
  applicant: string | null;
  openedAt: string;
  firstResponseDueAt: string;
  /** Opened outside workday business hours: the first call waits for the next opening. */
  openedOutsideBusinessHours: boolean;
  respondedAt: string | null;
  confirmedAt: string | null;
  materialsDueAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  /** Before confirmation the service costs nothing and can be withdrawn; after it, no refund. */
  isRefundable: boolean;
  noRefundNotice: Bilingual;
  clocks: ClockView[];
  /** A running clock has run out. */
  isOverdue: boolean;
  /**
   * The running clock spans a year whose holidays the platform does not know (not yet published): its due time
   * counts weekends only and may fall on a holiday, so the promise is shown with this caveat.
   */
  calendarWarning: Bilingual | null;
  isp: { scope: string; registeredCapitalCny: number; eligible: boolean } | null;
  /** What the viewer may do now (the console offers exactly these). */
  actions: TicketAction[];
  version: number;
  updatedAt: string;
};

/** A ticket as its owner or a butler sees it, with its clocks as of `now` (the application clock). */
export function presentTicket(ticket: Ticket, party: TicketParty, now: Date, options: { applicantEmail?: string; maskMobile?: boolean } = {}): TicketView {
  const clocks = ticketClocks(ticket, now);
  return {
    id: ticket.id,
    number: ticket.number,
    service: ticket.service,
    serviceName: BUTLER_SERVICE_NAMES[ticket.service],
    status: ticket.status,
    statusLabel: describeTicketStatus(ticket.status),
    note: ticket.note,
    contactMobile: options.maskMobile ? maskMobile(ticket.contactMobile) : ticket.contactMobile,
    applicant: party === 'butler' && options.applicantEmail ? maskEmail(options.applicantEmail) : null,
    openedAt: ticket.openedAt.toISOString(),
    firstResponseDueAt: ticket.firstResponseDueAt.toISOString(),
    openedOutsideBusinessHours: isOutsideBusinessHours(ticket.openedAt),
    respondedAt: ticket.respondedAt?.toISOString() ?? null,
    confirmedAt: ticket.confirmedAt?.toISOString() ?? null,
    materialsDueAt: ticket.materialsDueAt?.toISOString() ?? null,
    submittedAt: ticket.submittedAt?.toISOString() ?? null,
    acceptedAt: ticket.acceptedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    closeReason: ticket.closeReason,
    isRefundable: ticket.confirmedAt === null,
    noRefundNotice: NO_REFUND_NOTICE,
    clocks,
    isOverdue: clocks.some((clock) => clock.isOverdue),
    calendarWarning: runningCalendarWarning(clocks),
    isp: ticket.isp ? { ...ticket.isp, eligible: ispEligibility(ticket.isp.scope, ticket.isp.registeredCapitalCny).eligible } : null,
    actions: actionsFor(ticket.status, party),
    version: ticket.version,
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

function runningCalendarWarning(clocks: readonly ClockView[]): Bilingual | null {
  const running = clocks.find((clock) => clock.isRunning);
  return (running && calendarGapWarning(uncoveredYears(new Date(running.startedAt), new Date(running.dueAt)))) ?? null;
}
