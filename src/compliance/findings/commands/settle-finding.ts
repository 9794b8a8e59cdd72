import { writeAudit, type Actor } from '../../../core/audit.ts';
import type { Tx } from '../../../core/db/database.ts';
import { enqueueEvent } from '../../../core/outbox.ts';
import { FINDING_REVOKED, FINDING_WAIVED } from '../events.ts';
import type { FindingRow } from '../repo.ts';
import type { FindingStatus } from '../status.ts';

/** The decisions that end a finding (extend keeps it open and writes its own audit entry and event). */
const TOPICS = { waive: FINDING_WAIVED, revoke: FINDING_REVOKED } as const;

export type FindingSettlement = {
  /** The finding as `loadFindingFor` locked it, and the status the decision leads to. */
  row: FindingRow;
  to: FindingStatus;
  action: keyof typeof TOPICS;
  reason: string;
  /** What the decision did besides (the revocation it caused), for the audit entry and the event. */
  audit?: Record<string, unknown>;
  event?: Record<string, unknown>;
};

/**
 * Ends the finding as decided: its row, the audit entry and the outbox event in the caller's transaction, so staff,
 * the owner's notice and the audit trail never disagree about who decided what and why.
 */
export async function settleFinding(tx: Tx, actor: Actor, now: Date, settlement: FindingSettlement): Promise<void> {
  const { row, to, action, reason } = settlement;
  await tx
    .updateTable('compliance_findings')
    .set({ status: to, decided_at: now, decided_by: actor.userId, decision_reason: reason, updated_at: now, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', row.id)
    .execute();
  await writeAudit(tx, actor, now, {
    entityType: 'compliance_finding',
    entityId: row.id,
    action: `compliance.finding.${action}`,
    fromStatus: row.status,
    toStatus: to,
    reason,
    data: { code: row.code, domain: row.domain, ...settlement.audit },
  });
  await enqueueEvent(tx, now, {
    topic: TOPICS[action],
    aggregateType: 'compliance_finding',
    aggregateId: row.id,
    payload: { code: row.code, domain: row.domain, subjectNumber: row.subject_number, serviceNumber: row.service_number, reason, ...settlement.event },
  });
}
