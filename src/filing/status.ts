/**
 * The filing order's lifecycle (DESIGN §4, a contract). This module is the only place that knows which move is
 * allowed; everything else asks `assertTransition` and branches exhaustively.
 */
export const ORDER_STATUSES = [
  'draft',
  'provider_review',
  'supplement_requested',
  'provider_rejected',
  'awaiting_regulator',
  'sms_verification',
  'regulator_review',
  'approved',
  'regulator_rejected',
  'abandoned',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['provider_review', 'abandoned'],
  provider_review: ['awaiting_regulator', 'supplement_requested', 'provider_rejected'],
  supplement_requested: ['provider_review', 'abandoned'],
  provider_rejected: ['provider_review', 'abandoned'],
  awaiting_regulator: ['sms_verification', 'regulator_review', 'regulator_rejected'],
  sms_verification: ['regulator_review', 'regulator_rejected'],
  regulator_review: ['approved', 'regulator_rejected'],
  approved: [],
  regulator_rejected: ['provider_review', 'abandoned'],
  abandoned: [],
};

/** The applicant may edit the draft in these. */
export const EDITABLE_STATUSES = ['draft', 'supplement_requested', 'provider_rejected', 'regulator_rejected'] as const satisfies readonly OrderStatus[];
/** Sent back to the applicant with reasons: the draft decided on is kept (order_decisions) to show what changed. */
export const RETURNED_STATUSES = ['supplement_requested', 'provider_rejected', 'regulator_rejected'] as const satisfies readonly OrderStatus[];
export type ReturnedStatus = (typeof RETURNED_STATUSES)[number];
export const isReturned = (status: OrderStatus): status is ReturnedStatus => (RETURNED_STATUSES as readonly OrderStatus[]).includes(status);
/** Nothing more happens to these. */
export const FINAL_STATUSES = ['approved', 'abandoned'] as const satisfies readonly OrderStatus[];
/** Submitted and not yet decided: shown in the "in progress" tab with the current step. */
export const IN_REVIEW_STATUSES = [
  'provider_review',
  'awaiting_regulator',
  'sms_verification',
  'regulator_review',
] as const satisfies readonly OrderStatus[];

export const isOrderStatus = (value: string): value is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(value);
export const isEditable = (status: OrderStatus): boolean => (EDITABLE_STATUSES as readonly OrderStatus[]).includes(status);
export const isFinal = (status: OrderStatus): boolean => (FINAL_STATUSES as readonly OrderStatus[]).includes(status);
export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => TRANSITIONS[from].includes(to);

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`an order cannot go from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}

/** The step shown to the applicant, in Chinese and English. Exhaustive: a new status fails to compile here. */
export function describeStatus(status: OrderStatus): { zh: string; en: string } {
  switch (status) {
    case 'draft':
      return { zh: '填写中', en: 'Being filled in' };
    case 'provider_review':
      return { zh: '接入商初审中', en: 'Provider review' };
    case 'supplement_requested':
      return { zh: '待补充资料', en: 'Supplementary material requested' };
    case 'provider_rejected':
      return { zh: '初审驳回，待修改', en: 'Rejected by the provider; fix and resubmit' };
    case 'awaiting_regulator':
      return { zh: '待提交管局', en: 'Waiting to be sent to the regulator' };
    case 'sms_verification':
      return { zh: '工信部短信核验', en: 'MIIT SMS verification' };
    case 'regulator_review':
      return { zh: '管局审核中', en: 'Regulator review' };
    case 'approved':
      return { zh: '备案成功', en: 'Approved' };
    case 'regulator_rejected':
      return { zh: '管局驳回，待修改', en: 'Rejected by the regulator; fix and resubmit' };
    case 'abandoned':
      return { zh: '已放弃', en: 'Abandoned' };
    default:
      return assertNever(status);
  }
}
