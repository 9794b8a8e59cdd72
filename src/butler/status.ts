/**
 * The butler ticket's lifecycle (SPEC §11, DESIGN §5.11). A free request is `open` until a butler answers it
 * (`responded`); the customer then confirms the service (`confirmed`: from here it is not refundable and the
 * butler's 3-workday materials clock runs); the butler submits the prepared application (`submitted`) and the
 * service ends when the authority accepts it (`accepted`). `closed` ends a ticket early. This module is the only
 * place that knows which move is allowed and who may make it.
 */
export const TICKET_STATUSES = ['open', 'responded', 'confirmed', 'submitted', 'accepted', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['responded', 'closed'],
  responded: ['confirmed', 'closed'],
  confirmed: ['submitted', 'closed'],
  submitted: ['accepted', 'closed'],
  accepted: [],
  closed: [],
};

/** The verbs of the API (`POST …/tickets/{id}/{action}`) and the status each leads to. */
export const TICKET_ACTIONS = ['respond', 'confirm', 'submit', 'accept', 'close'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const ACTION_TARGET: Record<TicketAction, TicketStatus> = {
  respond: 'responded',
  confirm: 'confirmed',
  submit: 'submitted',
  accept: 'accepted',
  close: 'closed',
};

/** Who acts on a ticket: the applicant who opened it, or the provider's butler. */
export type TicketParty = 'owner' | 'butler';

/** Nothing more happens to these. */
export const FINAL_STATUSES = ['accepted', 'closed'] as const satisfies readonly TicketStatus[];
/** Confirmed by the customer: the service has started and is not refundable. */
export const CONFIRMED_STATUSES = ['confirmed', 'submitted', 'accepted'] as const satisfies readonly TicketStatus[];

export const isTicketStatus = (value: string): value is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(value);
export const isFinal = (status: TicketStatus): boolean => (FINAL_STATUSES as readonly TicketStatus[]).includes(status);
export const isConfirmed = (status: TicketStatus): boolean => (CONFIRMED_STATUSES as readonly TicketStatus[]).includes(status);
export const canTransition = (from: TicketStatus, to: TicketStatus): boolean => TRANSITIONS[from].includes(to);

export class IllegalTicketTransitionError extends Error {
  constructor(
    readonly from: TicketStatus,
    readonly to: TicketStatus,
  ) {
    super(`a butler ticket cannot go from ${from} to ${to}`);
    this.name = 'IllegalTicketTransitionError';
  }
}

export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canTransition(from, to)) throw new IllegalTicketTransitionError(from, to);
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}

/**
 * Whether a party may take an action, ignoring the status: the customer confirms, and may withdraw a request
 * while it is still free (before confirming); the butler answers, submits, records the acceptance and closes.
 */
export function isActionFor(action: TicketAction, party: TicketParty): boolean {
  switch (action) {
    case 'confirm':
      return party === 'owner';
    case 'respond':
    case 'submit':
    case 'accept':
      return party === 'butler';
    case 'close':
      return true;
    default:
      return assertNever(action);
  }
}

/** The actions a party can take on a ticket in this status: what the console offers. */
export function actionsFor(status: TicketStatus, party: TicketParty): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => {
    if (!isActionFor(action, party) || !canTransition(status, ACTION_TARGET[action])) return false;
    // Once confirmed the customer has bought the service: only the butler can end it (force majeure, false materials).
    return !(action === 'close' && party === 'owner' && isConfirmed(status));
  });
}

/** The step shown to people, in Chinese and English. Exhaustive: a new status fails to compile here. */
export function describeTicketStatus(status: TicketStatus): { zh: string; en: string } {
  switch (status) {
    case 'open':
      return { zh: '待管家联系', en: 'Waiting for the butler’s call' };
    case 'responded':
      return { zh: '管家已联系，待您确认服务', en: 'Butler has called; waiting for you to confirm' };
    case 'confirmed':
      return { zh: '服务已确认，管家准备材料中', en: 'Confirmed; the butler is preparing the materials' };
    case 'submitted':
      return { zh: '已提交，待主管部门受理', en: 'Submitted; waiting for the authority to accept it' };
    case 'accepted':
      return { zh: '主管部门已受理，服务完成', en: 'Accepted by the authority; service complete' };
    case 'closed':
      return { zh: '已关闭', en: 'Closed' };
    default:
      return assertNever(status);
  }
}
