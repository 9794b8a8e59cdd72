import { writeAudit, type Actor } from '../../core/audit.ts';
import type { Tx } from '../../core/db/database.ts';
import { newId } from '../../core/ids.ts';
import { enqueueEvent } from '../../core/outbox.ts';
import { codesOfSweep, type FindingCode, type SweepKind } from '../codes.ts';
import { rectificationDeadline } from './deadline.ts';

export type SweepObservation = { code: FindingCode; evidence: Record<string, unknown> };

/** One domain as a sweep saw it: checked (with what was wrong, possibly nothing), or not checked at all. */
export type CheckedDomain = {
  domain: string;
  subjectNumber: string;
  serviceNumber: string | null;
} & ({ outcome: 'checked'; observations: SweepObservation[] } | { outcome: 'failed'; error: string });

export type RecordedObservations = { opened: number; closed: number; stillOpen: number };

export const FINDING_OPENED = 'compliance.finding_opened';
export const FINDING_CLOSED = 'compliance.finding_closed';

/**
 * Turns what a sweep saw into findings, in the sweep's transaction: a problem seen for the first time opens a
 * finding with its evidence and deadline; one seen again stays open with fresh evidence; an open finding of this
 * sweep's codes that was not seen this time is closed (the owner fixed it). A domain the sweep failed to check
 * changes nothing: a failed look-up is never evidence, neither of a problem nor of a fix.
 */
export async function recordSweepObservations(
  tx: Tx,
  at: Date,
  actor: Actor,
  sweep: { kind: SweepKind; id: string | null },
  checked: readonly CheckedDomain[],
): Promise<RecordedObservations> {
  const result: RecordedObservations = { opened: 0, closed: 0, stillOpen: 0 };
  const codes = codesOfSweep(sweep.kind);
  const domains = checked.filter((entry) => entry.outcome === 'checked').map((entry) => entry.domain);
  if (domains.length === 0) return result;
  const open = await tx
    .selectFrom('compliance_findings')
    .select(['id', 'code', 'domain', 'subject_number', 'service_number'])
    .where('status', '=', 'open')
    .where('code', 'in', codes)
    .where('domain', 'in', domains)
    .execute();
  const openByKey = new Map(open.map((row) => [`${row.code} ${row.domain}`, row]));

  for (const entry of checked) {
    if (entry.outcome !== 'checked') continue;
    const seen = new Map<FindingCode, SweepObservation>();
    for (const observation of entry.observations) {
      if (codes.includes(observation.code) && Object.keys(observation.evidence).length > 0) seen.set(observation.code, observation);
    }
    for (const code of codes) {
      const existing = openByKey.get(`${code} ${entry.domain}`);
      const observation = seen.get(code);
      if (observation && existing) {
        await tx
          .updateTable('compliance_findings')
          .set({ last_seen_at: at, evidence: JSON.stringify(observation.evidence), updated_at: at })
          .where('id', '=', existing.id)
          .execute();
        result.stillOpen += 1;
      } else if (observation) {
        const id = newId();
        const deadline = rectificationDeadline(code, at);
        await tx
          .insertInto('compliance_findings')
          .values({
            id,
            sweep_kind: sweep.kind,
            code,
            subject_number: entry.subjectNumber,
            service_number: entry.serviceNumber,
            domain: entry.domain,
            status: 'open',
            evidence: JSON.stringify(observation.evidence),
            sweep_id: sweep.id,
            detected_at: at,
            last_seen_at: at,
            deadline,
            updated_at: at,
          })
          .execute();
        await writeAudit(tx, actor, at, {
          action: 'compliance.finding.open',
          entityType: 'compliance_finding',
          entityId: id,
          fromStatus: null,
          toStatus: 'open',
          data: { code, domain: entry.domain, subjectNumber: entry.subjectNumber, serviceNumber: entry.serviceNumber, sweepId: sweep.id },
        });
        await enqueueEvent(tx, at, {
          topic: FINDING_OPENED,
          aggregateType: 'compliance_finding',
          aggregateId: id,
          payload: { code, domain: entry.domain, subjectNumber: entry.subjectNumber, serviceNumber: entry.serviceNumber, deadline: deadline.toISOString() },
        });
        result.opened += 1;
      } else if (existing) {
        await tx
          .updateTable('compliance_findings')
          .set({ status: 'closed', decided_at: at, decision_reason: 'fixed: not seen by the sweep', updated_at: at, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', existing.id)
          .where('status', '=', 'open')
          .execute();
        await writeAudit(tx, actor, at, {
          action: 'compliance.finding.close',
          entityType: 'compliance_finding',
          entityId: existing.id,
          fromStatus: 'open',
          toStatus: 'closed',
          data: { code, domain: entry.domain, sweepId: sweep.id },
        });
        await enqueueEvent(tx, at, {
          topic: FINDING_CLOSED,
          aggregateType: 'compliance_finding',
          aggregateId: existing.id,
          payload: { code, domain: entry.domain, subjectNumber: existing.subject_number, serviceNumber: existing.service_number },
        });
        result.closed += 1;
      }
    }
  }
  return result;
}
