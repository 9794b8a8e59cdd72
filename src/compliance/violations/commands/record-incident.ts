import type { Actor } from '../../../core/audit.ts';
import { writeAudit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Tx } from '../../../core/db/database.ts';
import { AppError } from '../../../core/errors.ts';
import { newId } from '../../../core/ids.ts';
import { scheduleJob } from '../../../core/jobs.ts';
import { enqueueEvent } from '../../../core/outbox.ts';
import { SERVICES_CHANGED } from '../../../enforcement/index.ts';
import { decideEscalation, type IncidentKind } from '../../../rules/index.ts';
import { closeService } from './close-service.ts';
import { incidentHistory, LIFT_SUSPENSION_JOB, lockService, NOT_CONNECTED_RULE, SERVICE_SUSPENDED, type ServiceOnFile } from '../repo.ts';

export type RecordIncidentInput = { serviceNumber: string; kind: IncidentKind; note: string; idempotencyKey?: string };

/**
 * Records a content-violation incident and, in the same transaction, applies what the escalation rules decide: a
 * 12-hour suspension (lifted by a job at its end) or closure (access revoked). The owner hears of either from the
 * outbox after commit.
 */
export async function recordIncident(ctx: AppContext, actor: Actor, input: RecordIncidentInput): Promise<string> {
  return ctx.db.transaction().execute(async (tx) => {
    const service = await lockService(tx, input.serviceNumber);
    if (!service) {
      throw AppError.field('VALIDATION_FAILED', 'body.serviceNumber', `本接入商没有网站备案号为 ${input.serviceNumber} 的网站`, `No filed service numbered ${input.serviceNumber} here`);
    }
    // A retried request (a double click, a client timing out) must not count twice towards a closure.
    if (input.idempotencyKey) {
      const first = await tx
        .selectFrom('violation_incidents')
        .select(['id', 'service_number'])
        .where('idempotency_key', '=', input.idempotencyKey)
        .where('recorded_by', actor.userId === null ? 'is' : '=', actor.userId)
        .executeTakeFirst();
      if (first && first.service_number !== service.number) throw new AppError('CONFLICT', { idempotencyKey: input.idempotencyKey, serviceNumber: first.service_number });
      if (first) return first.id;
    }
    const now = ctx.clock.now();
    const decision = decideEscalation(input.kind, await incidentHistory(tx, service.number), now);
    // A site already off here (revoked, cancelled) is only recorded: there is nothing left to suspend or close.
    const action = service.isConnected ? decision.action : 'record_only';
    const id = newId();
    await tx
      .insertInto('violation_incidents')
      .values({
        id,
        subject_number: service.subjectNumber,
        service_number: service.number,
        kind: input.kind,
        note: input.note,
        occurred_at: now,
        recorded_by: actor.userId,
        action,
        rule_id: service.isConnected ? decision.rule.id : NOT_CONNECTED_RULE,
        suspended_until: action === 'suspend' ? decision.until : null,
        idempotency_key: input.idempotencyKey ?? null,
      })
      .execute();
    await writeAudit(tx, actor, now, {
      entityType: 'violation_incident',
      entityId: id,
      action: 'recorded',
      reason: input.note,
      data: { serviceNumber: service.number, subjectNumber: service.subjectNumber, kind: input.kind, decision: action, rule: decision.rule.id, counted: decision.counted },
    });
    if (action === 'suspend') await suspend(ctx, tx, actor, service, { incidentId: id, kind: input.kind, note: input.note, until: decision.until! });
    if (action === 'close') await closeService(ctx, tx, actor, service, { incidentId: id, kind: input.kind, note: input.note, ruleText: decision.rule.text });
    return id;
  });
}

async function suspend(ctx: AppContext, tx: Tx, actor: Actor, service: ServiceOnFile, incident: { incidentId: string; kind: IncidentKind; note: string; until: Date }): Promise<void> {
  const now = ctx.clock.now();
  const suspensionId = newId();
  const running = await tx.selectFrom('service_suspensions').select('id').where('service_number', '=', service.number).where('lifted_at', 'is', null).executeTakeFirst();
  await tx.insertInto('service_suspensions').values({ id: suspensionId, service_number: service.number, incident_id: incident.incidentId, starts_at: now, until: incident.until }).execute();
  await scheduleJob(tx, now, { name: LIFT_SUSPENSION_JOB, payload: { suspensionId }, runAt: incident.until, dedupeKey: `suspension-lift:${suspensionId}` });
  await writeAudit(tx, actor, now, {
    entityType: 'filed_service',
    entityId: service.number,
    action: 'suspended',
    fromStatus: running ? 'suspended' : 'connected',
    toStatus: 'suspended',
    reason: incident.note,
    data: { incidentId: incident.incidentId, suspensionId, until: incident.until.toISOString() },
  });
  // The enforcement index, its change feed and every process's copy follow through the filing change event.
  await enqueueEvent(tx, now, { topic: SERVICES_CHANGED, aggregateType: 'filing', aggregateId: service.subjectNumber, payload: { subjectNumber: service.subjectNumber, domains: service.domains } });
  await enqueueEvent(tx, now, {
    topic: SERVICE_SUSPENDED,
    aggregateType: 'filed_service',
    aggregateId: service.number,
    payload: { serviceNumber: service.number, subjectNumber: service.subjectNumber, incidentId: incident.incidentId, kind: incident.kind, until: incident.until.toISOString(), domains: service.domains },
  });
}
