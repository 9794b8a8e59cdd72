/** Outbox topics of a finding's decisions (opened and closed are in record-sweep-observations.ts). */
export const FINDING_EXTENDED = 'compliance.finding_extended';
export const FINDING_WAIVED = 'compliance.finding_waived';
export const FINDING_REVOKED = 'compliance.finding_revoked';
/** Job at a finding's deadline: still open then → access revoked. */
export const FINDING_DEADLINE_JOB = 'compliance.finding_deadline';

export const deadlineJobKey = (findingId: string, deadline: Date): string => `finding-deadline:${findingId}:${deadline.toISOString()}`;
