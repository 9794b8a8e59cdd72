import { sql } from 'kysely';
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

type OpenRow = { id: string; code: string; domain: string | null; subject_number: string; service_number: string | null };

/**
 * Turns what a sweep saw into findings, in the sweep's transaction: a problem seen for the first time opens a
 * finding with its evidence and deadline; one seen again stays open with fresh evidence; an open finding of this
 * sweep's codes that was not seen this time is closed (the owner fixed it). A domain the sweep failed to check
 * changes nothing: a failed look-up is never evidence, neither of a problem nor of a fix.
 *
 * Set-based, so a batch of a thousand domains costs a handful of statements: one select of the open findings, one
 * multi-row insert, one update of the findings seen again, one close; only what changes status (rare) writes an
 * audit row and an outbox event each. A domain listed twice counts once (its first entry).
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
  const entries = new Map<string, CheckedDomain & { outcome: 'checked' }>();
  for (const entry of checked) if (entry.outcome === 'checked' && !entries.has(entry.domain)) entries.set(entry.domain, entry);
  if (entries.size === 0) return result;
  const open: OpenRow[] = await tx
    .selectFrom('compliance_findings')
    .select(['id', 'code', 'domain', 'subject_number', 'service_number'])
    .where('status', '=', 'open')
    .where('code', 'in', codes)
    // One array parameter, not an IN list of a whole batch's domains (ten thousand placeholders to build and send).
    .where(sql<boolean>`domain = ANY(${[...entries.keys()]}::text[])`)
    .execute();
  const openByKey = new Map(open.map((row) => [`${row.code} ${row.domain}`, row]));

  const toOpen: { id: string; code: FindingCode; entry: CheckedDomain; evidence: Record<string, unknown>; deadline: Date }[] = [];
  const toRefresh: { id: string; evidence: Record<string, unknown> }[] = [];
  const toClose: OpenRow[] = [];
  for (const entry of entries.values()) {
    const seen = new Map<FindingCode, SweepObservation>();
    for (const observation of entry.observations) {
      if (codes.includes(observation.code) && Object.keys(observation.evidence).length > 0) seen.set(observation.code, observation);
    }
    for (const code of codes) {
      const existing = openByKey.get(`${code} ${entry.domain}`);
      const observation = seen.get(code);
      if (observation && existing) toRefresh.push({ id: existing.id, evidence: observation.evidence });
      else if (observation) toOpen.push({ id: newId(), code, entry, evidence: observation.evidence, deadline: rectificationDeadline(code, at) });
      else if (existing) toClose.push(existing);
    }
  }

  if (toRefresh.length > 0) {
    await sql`
      UPDATE compliance_findings f SET last_seen_at = ${at}, evidence = v.evidence::jsonb, updated_at = ${at}
        FROM unnest(${toRefresh.map((r) => r.id)}::text[], ${toRefresh.map((r) => JSON.stringify(r.evidence))}::text[]) AS v(id, evidence)
       WHERE f.id = v.id::uuid`.execute(tx);
    result.stillOpen = toRefresh.length;
  }

  if (toOpen.length > 0) {
    await tx
      .insertInto('compliance_findings')
      .values(
        toOpen.map(({ id, code, entry, evidence, deadline }) => ({
          id,
          sweep_kind: sweep.kind,
          code,
          subject_number: entry.subjectNumber,
          service_number: entry.serviceNumber,
          domain: entry.domain,
          status: 'open' as const,
          evidence: JSON.stringify(evidence),
          sweep_id: sweep.id,
          detected_at: at,
          last_seen_at: at,
          deadline,
          updated_at: at,
        })),
      )
      .execute();
    for (const { id, code, entry, deadline } of toOpen) {
      const about = { code, domain: entry.domain, subjectNumber: entry.subjectNumber, serviceNumber: entry.serviceNumber };
      await writeAudit(tx, actor, at, { action: 'compliance.finding.open', entityType: 'compliance_finding', entityId: id, fromStatus: null, toStatus: 'open', data: { ...about, sweepId: sweep.id } });
      await enqueueEvent(tx, at, { topic: FINDING_OPENED, aggregateType: 'compliance_finding', aggregateId: id, payload: { ...about, deadline: deadline.toISOString() } });
    }
    result.opened = toOpen.length;
  }

  if (toClose.length > 0) {
    const closed = await tx
      .updateTable('compliance_findings')
      .set({ status: 'closed', decided_at: at, decision_reason: 'fixed: not seen by the sweep', updated_at: at, version: (eb) => eb('version', '+', 1) })
      .where('id', 'in', toClose.map((row) => row.id))
      .where('status', '=', 'open')
      .returning('id')
      .execute();
    const closedIds = new Set(closed.map((row) => row.id));
    for (const row of toClose) {
      if (!closedIds.has(row.id)) continue;
      await writeAudit(tx, actor, at, { action: 'compliance.finding.close', entityType: 'compliance_finding', entityId: row.id, fromStatus: 'open', toStatus: 'closed', data: { code: row.code, domain: row.domain, sweepId: sweep.id } });
      await enqueueEvent(tx, at, {
        topic: FINDING_CLOSED,
        aggregateType: 'compliance_finding',
        aggregateId: row.id,
        payload: { code: row.code, domain: row.domain, subjectNumber: row.subject_number, serviceNumber: row.service_number },
      });
    }
    result.closed = closedIds.size;
  }
  return result;
}
