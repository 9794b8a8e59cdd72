import { sql } from 'kysely';
import { writeAudit, type Actor } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId } from '../../../core/ids.ts';
import { scheduleJob } from '../../../core/jobs.ts';
import type { SweepKind } from '../../codes.ts';
import { configuredChecker } from '../configured-checker.ts';
import { toSweepView, type SweepView } from '../repo.ts';
import { ACTIVE_SWEEP_STATUSES } from '../status.ts';
import { countSweepTargets } from '../targets.ts';

export const SWEEP_BATCH_JOB = 'compliance.sweep_batch';

/** Dedupe key of a run's batch job starting at `done`: a batch scheduled twice (a retried commit) runs once. */
export const batchJobKey = (sweepId: string, done: number): string => `sweep:${sweepId}:${done}`;

/** Advisory-lock namespace serialising starts of one kind (so two starts at once make one run). */
const START_LOCK = 727_274_008;

export type StartSweepInput = { kind: SweepKind };

/**
 * Starts a run of a sweep kind, or joins the one already queued or running (`isNew: false`, same id). The run
 * counts its targets now and is advanced by batch jobs (run-sweep-batch.ts). A kind without a configured checker
 * answers SWEEP_NOT_CONFIGURED before anything is written.
 */
export async function startSweep(ctx: AppContext, actor: Actor, input: StartSweepInput): Promise<{ sweep: SweepView; isNew: boolean }> {
  configuredChecker(ctx, input.kind);
  return ctx.db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${START_LOCK}, hashtext(${input.kind}))`.execute(tx);
    const active = await tx.selectFrom('compliance_sweeps').selectAll().where('kind', '=', input.kind).where('status', 'in', ACTIVE_SWEEP_STATUSES).executeTakeFirst();
    if (active) return { sweep: toSweepView(active), isNew: false };
    const now = ctx.clock.now();
    const id = newId();
    const total = await countSweepTargets(tx);
    const row = await tx
      .insertInto('compliance_sweeps')
      .values({ id, kind: input.kind, status: 'queued', total, cursor: null, started_by: actor.userId, error: null, created_at: now, started_at: null, finished_at: null, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(tx, actor, now, { action: 'compliance.sweep.queued', entityType: 'compliance_sweep', entityId: id, fromStatus: null, toStatus: 'queued', data: { kind: input.kind, total } });
    await scheduleJob(tx, now, { name: SWEEP_BATCH_JOB, payload: { sweepId: id }, runAt: now, dedupeKey: batchJobKey(id, 0), maxAttempts: 5 });
    return { sweep: toSweepView(row), isNew: true };
  });
}
