import { writeAudit, type Actor } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/database.ts';
import { scheduleJob } from '../../../core/jobs.ts';
import { enqueueEvent } from '../../../core/outbox.ts';
import { isFindingCode } from '../../codes.ts';
import { rectificationDeadline } from '../deadline.ts';
import { FINDING_DEADLINE_JOB, FINDING_EXTENDED, deadlineJobKey } from '../events.ts';
import { loadFindingFor } from './load-finding.ts';

/**
 * Gives the owner more time: the deadline moves `workdays` workdays past the later of now and the old deadline,
 * and a deadline job is scheduled for the new one. The job at the old deadline still runs and finds the deadline
 * not yet reached, so nothing is cancelled behind anyone's back.
 */
export async function extendFinding(ctx: AppContext, tx: Tx, actor: Actor, id: string, input: { workdays: number; reason: string }) {
  const now = ctx.clock.now();
  const { row } = await loadFindingFor(tx, id, 'extend');
  const from = row.deadline && row.deadline.getTime() > now.getTime() ? row.deadline : now;
  const deadline = isFindingCode(row.code) ? rectificationDeadline(row.code, from, input.workdays) : new Date(from.getTime() + input.workdays * 86_400_000);
  await tx
    .updateTable('compliance_findings')
    .set({ deadline, decision_reason: input.reason, decided_by: actor.userId, updated_at: now, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', id)
    .execute();
  await writeAudit(tx, actor, now, {
    entityType: 'compliance_finding',
    entityId: id,
    action: 'compliance.finding.extend',
    fromStatus: 'open',
    toStatus: 'open',
    reason: input.reason,
    data: { code: row.code, domain: row.domain, workdays: input.workdays, deadlineBefore: row.deadline?.toISOString() ?? null, deadline: deadline.toISOString() },
  });
  await enqueueEvent(tx, now, {
    topic: FINDING_EXTENDED,
    aggregateType: 'compliance_finding',
    aggregateId: id,
    payload: { code: row.code, domain: row.domain, subjectNumber: row.subject_number, serviceNumber: row.service_number, deadline: deadline.toISOString(), reason: input.reason },
  });
  await scheduleJob(tx, now, { name: FINDING_DEADLINE_JOB, payload: { findingId: id }, runAt: deadline, dedupeKey: deadlineJobKey(id, deadline) });
}
