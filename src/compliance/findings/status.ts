/**
 * The lifecycle of a compliance finding. A finding opens when a sweep (or a person) sees a problem; it ends closed
 * (fixed: the next sweep no longer sees it), waived (staff accept it, with a reason) or revoked (access taken away,
 * by staff or at an overdue deadline). Extending keeps it open with a later deadline. Nothing leaves an end state:
 * a problem seen again after that is a new finding.
 */
export const FINDING_STATUSES = ['open', 'closed', 'waived', 'revoked'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_ACTIONS = ['close', 'extend', 'waive', 'revoke'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

/** Every (status, action) pair, so adding a status or an action fails to compile until it is decided here. */
const TRANSITIONS: Record<FindingStatus, Record<FindingAction, FindingStatus | null>> = {
  open: { close: 'closed', extend: 'open', waive: 'waived', revoke: 'revoked' },
  closed: { close: null, extend: null, waive: null, revoke: null },
  waived: { close: null, extend: null, waive: null, revoke: null },
  revoked: { close: null, extend: null, waive: null, revoke: null },
};

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextFindingStatus(from: FindingStatus, action: FindingAction): FindingStatus | null {
  return TRANSITIONS[from][action];
}

export const isFindingStatus = (value: string): value is FindingStatus => (FINDING_STATUSES as readonly string[]).includes(value);

export const FINDING_STATUS_LABELS: Record<FindingStatus, { zh: string; en: string }> = {
  open: { zh: '待整改', en: 'Open' },
  closed: { zh: '已整改', en: 'Fixed' },
  waived: { zh: '已豁免', en: 'Waived' },
  revoked: { zh: '已取消接入', en: 'Access revoked' },
};
