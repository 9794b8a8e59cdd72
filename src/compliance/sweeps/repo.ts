import type { Selectable } from 'kysely';
import { writeAudit, type Actor } from '../../core/audit.ts';
import type { Tx } from '../../core/db/database.ts';
import type { ComplianceSweepsTable } from '../../core/db/schema.ts';
import { assertSweepTransition, type SweepStatus } from './status.ts';

export type SweepRow = Selectable<ComplianceSweepsTable>;

/** DESIGN §5.9: `{id, kind, status, total, done, findings}`, with what the console and the CLI also show. */
export type SweepView = {
  id: string;
  kind: SweepRow['kind'];
  status: SweepStatus;
  total: number;
  done: number;
  findings: number;
  failed: number;
  closed: number;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
};

export const toSweepView = (row: SweepRow): SweepView => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  total: row.total,
  done: row.done,
  findings: row.findings,
  failed: row.failed,
  closed: row.closed,
  startedBy: row.started_by,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
  error: row.error,
});

/** Moves a run to `to` (checked against the lifecycle) with an audit row, in the caller's transaction. */
export async function moveSweep(
  tx: Tx,
  actor: Actor,
  at: Date,
  sweep: Pick<SweepRow, 'id' | 'kind' | 'status'>,
  to: SweepStatus,
  changes: Partial<Pick<SweepRow, 'total' | 'error'>> = {},
): Promise<void> {
  assertSweepTransition(sweep.status, to);
  await tx
    .updateTable('compliance_sweeps')
    .set({
      status: to,
      updated_at: at,
      ...(to === 'running' ? { started_at: at } : {}),
      ...(to === 'done' || to === 'failed' ? { finished_at: at } : {}),
      ...changes,
    })
    .where('id', '=', sweep.id)
    .where('status', '=', sweep.status)
    .execute();
  await writeAudit(tx, actor, at, {
    action: `compliance.sweep.${to}`,
    entityType: 'compliance_sweep',
    entityId: sweep.id,
    fromStatus: sweep.status,
    toStatus: to,
    reason: changes.error ?? null,
    data: { kind: sweep.kind },
  });
}
