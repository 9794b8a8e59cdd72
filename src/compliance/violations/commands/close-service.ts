import { writeAudit, type Actor } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/database.ts';
import { INCIDENT_KIND_NAMES, type IncidentKind } from '../../../rules/index.ts';
import { revokeAccess } from '../../revocation/revoke-access.ts';
import type { ServiceOnFile } from '../repo.ts';

/**
 * Closing a site for a content violation is revocation of access (取消接入) with the incident as its cause: the
 * same path as any revocation, so the enforcement index, the public query, the regulator and the owner's notices
 * (SMS, e-mail, in-app, which carry the reason below) all follow.
 */
export async function closeService(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  service: ServiceOnFile,
  incident: { incidentId: string; kind: IncidentKind; note: string; ruleText: { zh: string; en: string } },
): Promise<void> {
  const reason = `内容违规关闭网站：${incident.ruleText.zh}（${INCIDENT_KIND_NAMES[incident.kind].zh}：${incident.note}） / Closed for content violations: ${incident.ruleText.en}`;
  const revocation = await revokeAccess(tx, ctx, actor, {
    subjectNumber: service.subjectNumber,
    serviceNumbers: [service.number],
    reason,
    source: 'violation',
    incidentId: incident.incidentId,
  });
  await writeAudit(tx, actor, ctx.clock.now(), {
    entityType: 'filed_service',
    entityId: service.number,
    action: 'closed_for_violations',
    fromStatus: 'connected',
    toStatus: 'revoked',
    reason: incident.note,
    data: { incidentId: incident.incidentId, revocationId: revocation.id },
  });
}
