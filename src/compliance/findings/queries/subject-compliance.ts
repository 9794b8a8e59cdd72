import type { AppContext } from '../../../core/context.ts';
import type { Executor } from '../../../core/db/database.ts';
import { AppError } from '../../../core/errors.ts';
import { toFindingView, type FindingView } from '../repo.ts';

/** The open findings of a filed subject, earliest deadline first: what its owner must put right, and by when. */
export async function openFindingsOfSubject(executor: Executor, subjectNumber: string, now: Date): Promise<FindingView[]> {
  const rows = await executor.selectFrom('compliance_findings').selectAll().where('subject_number', '=', subjectNumber).where('status', '=', 'open').orderBy('deadline').orderBy('id').execute();
  return rows.map((row) => toFindingView(row, now));
}

/** The findings a history shows at most; beyond, it says so and the findings queue (filtered by subject) pages the rest. */
export const HISTORY_FINDINGS = 500;

/** A filing's compliance history for staff: its findings (newest first) and every revocation of access. */
export async function subjectComplianceHistory(ctx: AppContext, subjectNumber: string) {
  const subject = await ctx.db.selectFrom('filed_subjects').select(['number', 'name', 'province', 'status']).where('number', '=', subjectNumber).executeTakeFirst();
  if (!subject) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  const [findings, revocations, services] = await Promise.all([
    ctx.db.selectFrom('compliance_findings').selectAll().where('subject_number', '=', subjectNumber).orderBy('detected_at', 'desc').orderBy('id').limit(HISTORY_FINDINGS + 1).execute(),
    ctx.db.selectFrom('access_revocations').selectAll().where('subject_number', '=', subjectNumber).orderBy('revoked_at', 'desc').execute(),
    ctx.db.selectFrom('filed_services').select(['number', 'name', 'domain', 'access_state']).where('subject_number', '=', subjectNumber).orderBy('seq').execute(),
  ]);
  return {
    subject: { number: subject.number, name: subject.name, province: subject.province, status: subject.status },
    services: services.map((s) => ({ number: s.number, name: s.name, domain: s.domain, accessState: s.access_state })),
    findings: findings.slice(0, HISTORY_FINDINGS).map((row) => toFindingView(row, now)),
    /** More findings than shown: GET /api/v1/compliance/findings?subject=… pages every one. */
    hasMoreFindings: findings.length > HISTORY_FINDINGS,
    revocations: revocations.map((r) => ({
      id: r.id,
      serviceNumbers: r.service_numbers,
      domains: r.domains,
      reason: r.reason,
      source: r.source,
      findingId: r.finding_id,
      incidentId: r.incident_id,
      revokedAt: r.revoked_at.toISOString(),
      regulator: { status: r.regulator_status, ref: r.regulator_ref, sentAt: r.regulator_sent_at?.toISOString() ?? null, error: r.regulator_error },
    })),
  };
}
