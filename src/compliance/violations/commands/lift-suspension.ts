import { SYSTEM_ACTOR, writeAudit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { enqueueEvent } from '../../../core/outbox.ts';
import { SERVICES_CHANGED } from '../../../enforcement/index.ts';
import { serviceDomains, SUSPENSION_LIFTED } from '../repo.ts';

/**
 * A suspension reached its end on the application clock: the service is served again (unless another suspension
 * still holds it, or it was closed meanwhile; the enforcement index re-reads that). Running twice does nothing more.
 */
export async function liftSuspension(ctx: AppContext, suspensionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const lifted = await tx
      .updateTable('service_suspensions')
      .set({ lifted_at: now })
      .where('id', '=', suspensionId)
      .where('lifted_at', 'is', null)
      .returning(['service_number', 'incident_id', 'until'])
      .executeTakeFirst();
    if (!lifted) return;
    const service = await serviceDomains(tx, lifted.service_number);
    if (!service) return;
    const stillSuspended = await tx.selectFrom('service_suspensions').select('id').where('service_number', '=', lifted.service_number).where('lifted_at', 'is', null).executeTakeFirst();
    await writeAudit(tx, SYSTEM_ACTOR, now, {
      entityType: 'filed_service',
      entityId: lifted.service_number,
      action: 'suspension_lifted',
      fromStatus: 'suspended',
      toStatus: stillSuspended ? 'suspended' : service.accessState,
      data: { suspensionId, incidentId: lifted.incident_id, until: lifted.until.toISOString() },
    });
    await enqueueEvent(tx, now, { topic: SERVICES_CHANGED, aggregateType: 'filing', aggregateId: service.subjectNumber, payload: { subjectNumber: service.subjectNumber, domains: service.domains } });
    // A site closed meanwhile does not come back: the owner is told only when it is served again.
    if (!stillSuspended && service.accessState === 'connected') {
      await enqueueEvent(tx, now, {
        topic: SUSPENSION_LIFTED,
        aggregateType: 'filed_service',
        aggregateId: lifted.service_number,
        payload: { serviceNumber: lifted.service_number, subjectNumber: service.subjectNumber, incidentId: lifted.incident_id, domains: service.domains },
      });
    }
  });
}
