import type { Executor } from '../../core/db/database.ts';
import type { IncidentKind, PastIncident } from '../../rules/index.ts';

export const VIOLATION_ROLES = ['compliance', 'admin'] as const;

/** The job that ends a suspension at its `until`, and the events that tell the owner. */
export const LIFT_SUSPENSION_JOB = 'compliance.lift_suspension';
export const SERVICE_SUSPENDED = 'compliance.service_suspended';
export const SUSPENSION_LIFTED = 'compliance.suspension_lifted';
export const SERVICE_CLOSED = 'compliance.service_closed';

/** The rule id stored when the site was already off here (revoked, cancelled, subject cancelled): nothing more to do. */
export const NOT_CONNECTED_RULE = 'service_not_connected';

export type ServiceOnFile = {
  number: string;
  subjectNumber: string;
  domains: string[];
  isConnected: boolean;
};

/**
 * The service, locked so two incidents on one service are decided one after the other, each seeing the other. The
 * subject row is locked first, in the order revokeAccess takes them, so an incident and a revocation of the same
 * subject wait for each other instead of deadlocking.
 */
export async function lockService(tx: Executor, serviceNumber: string): Promise<ServiceOnFile | null> {
  const owner = await tx.selectFrom('filed_services').select('subject_number').where('number', '=', serviceNumber).executeTakeFirst();
  if (!owner) return null;
  const subject = await tx.selectFrom('filed_subjects').select('status').where('number', '=', owner.subject_number).forUpdate().executeTakeFirst();
  const service = await tx
    .selectFrom('filed_services')
    .select(['number', 'subject_number', 'domain', 'domains', 'access_state'])
    .where('number', '=', serviceNumber)
    .forUpdate()
    .executeTakeFirst();
  if (!service) return null;
  const domains = [...new Set([service.domain, ...service.domains].filter((d): d is string => Boolean(d)))];
  return { number: service.number, subjectNumber: service.subject_number, domains, isConnected: service.access_state === 'connected' && subject?.status === 'active' };
}

export async function incidentHistory(tx: Executor, serviceNumber: string): Promise<PastIncident[]> {
  const rows = await tx.selectFrom('violation_incidents').select(['kind', 'occurred_at']).where('service_number', '=', serviceNumber).execute();
  return rows.map((row) => ({ kind: row.kind as IncidentKind, at: row.occurred_at }));
}

export async function serviceDomains(tx: Executor, serviceNumber: string): Promise<{ subjectNumber: string; domains: string[]; accessState: string } | null> {
  const service = await tx.selectFrom('filed_services').select(['subject_number', 'domain', 'domains', 'access_state']).where('number', '=', serviceNumber).executeTakeFirst();
  if (!service) return null;
  const domains = [...new Set([service.domain, ...service.domains].filter((d): d is string => Boolean(d)))];
  return { subjectNumber: service.subject_number, domains, accessState: service.access_state };
}
