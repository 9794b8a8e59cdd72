import { writeAudit, type Actor } from '../../core/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Tx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { scheduleJob } from '../../core/jobs.ts';
import { enqueueEvent } from '../../core/outbox.ts';

export type RevocationSource = 'staff' | 'finding' | 'violation';

export type RevokeAccessInput = {
  subjectNumber: string;
  serviceNumbers: string[];
  reason: string;
  source: RevocationSource;
  findingId?: string;
  incidentId?: string;
};

export type Revocation = {
  id: string;
  subjectNumber: string;
  serviceNumbers: string[];
  domains: string[];
  reason: string;
  source: RevocationSource;
  revokedAt: string;
  /** The subject has no connected service left (空壳主体). */
  subjectLeftShell: boolean;
};

export const ACCESS_REVOKED = 'compliance.access_revoked';
/** The filing context's event that the enforcement index and its change feed follow (src/enforcement/index.ts). */
const SERVICES_CHANGED = 'filing.services_changed';
export const FORWARD_ACCESS_CHANGE_JOB = 'compliance.forward_access_change';

/**
 * 取消接入, in the caller's transaction: the services lose access here the way an approved cancel_access order
 * takes it (access_state 'revoked' and `filing.services_changed`, so the enforcement index, its change feed and the
 * public query's limitAccess follow), the filed record's history, an audit row and `compliance.access_revoked`
 * (the owner's notices) are written, and a job is scheduled to tell the regulator through the port after commit —
 * a slow or absent regulator never holds the revocation back.
 *
 * Unknown services are a 400 naming `body.services`; services already revoked or cancelled a 409
 * (ACCESS_ALREADY_REVOKED), so a revocation is always a real change.
 */
export async function revokeAccess(tx: Tx, ctx: AppContext, actor: Actor, input: RevokeAccessInput): Promise<Revocation> {
  const now = ctx.clock.now();
  const numbers = [...new Set(input.serviceNumbers.map((n) => n.trim()).filter(Boolean))];
  const reason = input.reason.trim();
  if (numbers.length === 0) throw AppError.field('VALIDATION_FAILED', 'body.services', '请指明要取消接入的网站备案号', 'Name the service number(s) whose access is revoked');
  if (!reason) throw AppError.field('VALIDATION_FAILED', 'body.reason', '请填写取消接入的原因', 'Give the reason for revoking access');
  const subject = await tx.selectFrom('filed_subjects').select(['number', 'status']).where('number', '=', input.subjectNumber).forUpdate().executeTakeFirst();
  if (!subject) throw new AppError('NOT_FOUND');
  const services = await tx
    .selectFrom('filed_services')
    .select(['number', 'domain', 'domains', 'access_state'])
    .where('subject_number', '=', subject.number)
    .where('number', 'in', numbers)
    .forUpdate()
    .execute();
  const unknown = numbers.filter((n) => !services.some((s) => s.number === n));
  if (unknown.length > 0) {
    throw AppError.field('VALIDATION_FAILED', 'body.services', `不属于该主体的网站备案号：${unknown.join('、')}`, `Not a service of this subject: ${unknown.join(', ')}`);
  }
  const gone = services.filter((s) => s.access_state !== 'connected');
  if (gone.length > 0 || subject.status !== 'active') {
    throw new AppError('ACCESS_ALREADY_REVOKED', { services: gone.map((s) => ({ number: s.number, accessState: s.access_state })) });
  }

  await tx.updateTable('filed_services').set({ access_state: 'revoked', updated_at: now }).where('number', 'in', numbers).where('access_state', '=', 'connected').execute();
  const domains = [...new Set(services.flatMap((s) => [s.domain, ...s.domains]).filter((d): d is string => Boolean(d)))];
  const left = await tx.selectFrom('filed_services').select('number').where('subject_number', '=', subject.number).where('access_state', '=', 'connected').execute();

  const id = newId();
  await tx
    .insertInto('access_revocations')
    .values({
      id,
      subject_number: subject.number,
      service_numbers: numbers,
      domains,
      reason,
      source: input.source,
      finding_id: input.findingId ?? null,
      incident_id: input.incidentId ?? null,
      actor_user_id: actor.userId,
      revoked_at: now,
      regulator_status: 'pending',
    })
    .execute();
  await tx
    .insertInto('filing_history')
    .values({ subject_number: subject.number, order_id: null, kind: 'revoke_access', at: now, summary: `取消接入 ${numbers.join('、')}：${reason}` })
    .execute();
  await writeAudit(tx, actor, now, {
    entityType: 'filed_subject',
    entityId: subject.number,
    action: 'access.revoke',
    fromStatus: 'connected',
    toStatus: 'revoked',
    reason,
    data: { revocationId: id, services: numbers, domains, source: input.source, findingId: input.findingId ?? null, incidentId: input.incidentId ?? null },
  });
  await enqueueEvent(tx, now, { topic: SERVICES_CHANGED, aggregateType: 'filing', aggregateId: subject.number, payload: { subjectNumber: subject.number, domains } });
  await enqueueEvent(tx, now, {
    topic: ACCESS_REVOKED,
    aggregateType: 'access_revocation',
    aggregateId: id,
    payload: { subjectNumber: subject.number, services: numbers, domains, reason, source: input.source, subjectLeftShell: left.length === 0 },
  });
  await scheduleJob(tx, now, { name: FORWARD_ACCESS_CHANGE_JOB, payload: { revocationId: id }, runAt: now, dedupeKey: `access-change:${id}`, maxAttempts: 12 });
  return { id, subjectNumber: subject.number, serviceNumbers: numbers, domains, reason, source: input.source, revokedAt: now.toISOString(), subjectLeftShell: left.length === 0 };
}
