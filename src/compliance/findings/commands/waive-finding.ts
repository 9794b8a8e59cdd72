import { writeAudit, type Actor } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/database.ts';
import { enqueueEvent } from '../../../core/outbox.ts';
import { FINDING_WAIVED } from '../events.ts';
import { loadFindingFor } from './load-finding.ts';

/** Staff accept the finding (e.g. a false positive, or a case the regulator settled): it never revokes access. */
export async function waiveFinding(ctx: AppContext, tx: Tx, actor: Actor, id: string, input: { reason: string }) {
  const now = ctx.clock.now();
  const { row, to } = await loadFindingFor(tx, id, 'waive');
  await tx
    .updateTable('compliance_findings')
    .set({ status: to, decided_at: now, decided_by: actor.userId, decision_reason: input.reason, updated_at: now, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', id)
    .execute();
  await writeAudit(tx, actor, now, {
    entityType: 'compliance_finding',
    entityId: id,
    action: 'compliance.finding.waive',
    fromStatus: row.status,
    toStatus: to,
    reason: input.reason,
    data: { code: row.code, domain: row.domain },
  });
  await enqueueEvent(tx, now, {
    topic: FINDING_WAIVED,
    aggregateType: 'compliance_finding',
    aggregateId: id,
    payload: { code: row.code, domain: row.domain, subjectNumber: row.subject_number, serviceNumber: row.service_number, reason: input.reason },
  });
}
