import type { Selectable } from 'kysely';
import type { ComplianceFindingsTable } from '../../core/db/schema.ts';
import { isFindingCode } from '../codes.ts';
import { FINDING_EXPLANATIONS, evidenceSummary } from '../explanations.ts';
import { FINDING_STATUS_LABELS, type FindingStatus } from './status.ts';

export type FindingRow = Selectable<ComplianceFindingsTable>;

/** A finding as the API shows it (DESIGN §5.9), with what it means and whether its deadline has passed. */
export function toFindingView(row: FindingRow, now: Date) {
  const explained = isFindingCode(row.code) ? FINDING_EXPLANATIONS[row.code] : null;
  const evidence = typeof row.evidence === 'string' ? (JSON.parse(row.evidence) as Record<string, unknown>) : row.evidence;
  const status = row.status as FindingStatus;
  return {
    id: row.id,
    kind: row.sweep_kind,
    code: row.code,
    title: explained?.title ?? { zh: row.code, en: row.code },
    explanation: explained?.explanation ?? null,
    subjectNumber: row.subject_number,
    serviceNumber: row.service_number,
    domain: row.domain,
    detectedAt: row.detected_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    deadline: row.deadline?.toISOString() ?? null,
    isOverdue: status === 'open' && row.deadline !== null && row.deadline.getTime() < now.getTime(),
    status,
    statusLabel: FINDING_STATUS_LABELS[status],
    evidence,
    evidenceSummary: evidenceSummary(evidence),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionReason: row.decision_reason,
    version: row.version,
  };
}

export type FindingView = ReturnType<typeof toFindingView>;
