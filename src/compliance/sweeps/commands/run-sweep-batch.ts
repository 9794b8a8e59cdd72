import { SYSTEM_ACTOR } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { cancelJob, scheduleJob } from '../../../core/jobs.ts';
import { recordSweepObservations, type CheckedDomain } from '../../findings/record-sweep-observations.ts';
import { sweepBatchSize, type SweepChecker, type SweepTarget } from '../checker.ts';
import { configuredChecker } from '../configured-checker.ts';
import { moveSweep, toSweepView, type SweepView } from '../repo.ts';
import { isActiveSweep } from '../status.ts';
import { nextSweepTargets, type SweepCursor } from '../targets.ts';
import { SWEEP_BATCH_JOB, batchJobKey } from './start-sweep.ts';

/** A batch gives up on checks still running after this (they count as failed); well inside the job's lease. */
const BATCH_TIME_LIMIT_MS = 4 * 60_000;

/** Checks every target with at most `limit` checks at once; a check that throws despite the contract counts as failed. */
async function checkAll(checker: SweepChecker, targets: readonly SweepTarget[], limit: number, signal: AbortSignal): Promise<CheckedDomain[]> {
  const results = new Array<CheckedDomain>(targets.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < targets.length; index = next++) {
      const target = targets[index]!;
      const base = { domain: target.domain, subjectNumber: target.subjectNumber, serviceNumber: target.serviceNumber };
      try {
        // The runner, not the checker, decides which domain and service a result belongs to.
        results[index] = signal.aborted ? { ...base, outcome: 'failed', error: 'the batch ran out of time' } : { ...(await checker.check(target, signal)), ...base };
      } catch (error) {
        results[index] = { ...base, outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, targets.length)) }, worker));
  return results;
}

/** One domain two services hold is judged once per batch (one open finding per code and domain). */
function oncePerDomain(checked: CheckedDomain[]): CheckedDomain[] {
  const seen = new Set<string>();
  return checked.filter((entry) => (seen.has(entry.domain) ? false : (seen.add(entry.domain), true)));
}

type TargetBatch = Awaited<ReturnType<typeof nextSweepTargets>>;
type CheckedBatch = { batch: TargetBatch; checked: CheckedDomain[] };
/** A batch being read and checked: its targets (and so the next cursor) are known long before its checks end. */
type BatchInProgress = { from: string; checker: SweepChecker; targets: Promise<TargetBatch>; checked: Promise<CheckedBatch> };

const cursorKey = (cursor: SweepCursor | null): string => (cursor ? `${cursor.domain}\u0000${cursor.service}` : '');

/** Reads the targets after `cursor` and checks them. */
function startBatch(ctx: AppContext, checker: SweepChecker, cursor: SweepCursor | null): BatchInProgress {
  const targets = nextSweepTargets(ctx.db, cursor, sweepBatchSize(ctx, checker), ctx.clock.now());
  const checked = targets.then(async (batch) => {
    const timer = AbortSignal.timeout(BATCH_TIME_LIMIT_MS);
    return { batch, checked: oncePerDomain(await checkAll(checker, batch.targets, checker.concurrency, timer)) };
  });
  // Whoever takes the batch sees a failure (the database went away); a batch nobody takes must not crash the process.
  checked.catch(() => undefined);
  return { from: cursorKey(cursor), checker, targets, checked };
}

/**
 * The next batch of each run, started in this process as soon as the current batch's targets are read: its checks
 * run beside the current batch's last slow look-ups and its commit, so the resolver never waits for either. Memory
 * only, used by the next runSweepBatch of this run if it starts from the same cursor with the same checker, else
 * dropped (the run was resumed elsewhere, a commit failed and is retried, the checkers were reopened). The cursor
 * still moves only with a commit, so a crash loses at most the batch being committed and the one checked ahead.
 */
const ahead = new WeakMap<AppContext, Map<string, BatchInProgress>>();

function checkAhead(ctx: AppContext, sweepId: string, checker: SweepChecker, cursor: SweepCursor | null): void {
  const started = startBatch(ctx, checker, cursor);
  const byRun = ahead.get(ctx) ?? new Map<string, BatchInProgress>();
  ahead.set(ctx, byRun);
  byRun.set(sweepId, started);
}

async function takeAhead(ctx: AppContext, sweepId: string, checker: SweepChecker, cursor: SweepCursor | null): Promise<BatchInProgress> {
  const entry = ahead.get(ctx)?.get(sweepId);
  ahead.get(ctx)?.delete(sweepId);
  if (entry && entry.checker === checker && entry.from === cursorKey(cursor)) {
    const usable = await entry.checked.then(
      () => true,
      () => false,
    );
    // A failure ahead (the database closed meanwhile) only means this batch reads and checks for itself.
    if (usable) return entry;
  }
  return startBatch(ctx, checker, cursor);
}

/**
 * Advances a run by one batch: checks the targets after its cursor, then, in one transaction, records what was
 * seen (findings opened, refreshed, closed), moves the cursor and the counters, and schedules the next batch — or
 * ends the run when nothing is left. A crash before that commit loses only the batch's work: its job is claimed
 * again and checks the same targets. Two workers on one run (a CLI beside a server) cannot both count a batch: the
 * commit checks that the run has not moved meanwhile. As soon as its targets are read, the next batch is read and
 * checked ahead (see `ahead`). Returns the run as it is afterwards.
 */
export async function runSweepBatch(ctx: AppContext, sweepId: string): Promise<SweepView> {
  const sweep = await ctx.db.selectFrom('compliance_sweeps').selectAll().where('id', '=', sweepId).executeTakeFirstOrThrow();
  if (!isActiveSweep(sweep.status)) return toSweepView(sweep);
  let checker: SweepChecker;
  try {
    checker = configuredChecker(ctx, sweep.kind);
  } catch (error) {
    await failSweep(ctx, sweepId, `not configured any more: ${error instanceof Error ? error.message : String(error)}`);
    return loadView(ctx, sweepId);
  }
  if (sweep.status === 'queued') await ctx.db.transaction().execute((tx) => moveSweep(tx, SYSTEM_ACTOR, ctx.clock.now(), sweep, 'running'));

  const current = await takeAhead(ctx, sweepId, checker, sweep.cursor);
  const targets = await current.targets;
  const isLast = targets.services < sweepBatchSize(ctx, checker);
  if (!isLast) checkAhead(ctx, sweepId, checker, targets.cursor);
  const { batch, checked } = await current.checked;
  const failed = checked.filter((entry) => entry.outcome === 'failed').length;

  await ctx.db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('compliance_sweeps').selectAll().where('id', '=', sweepId).forUpdate().executeTakeFirstOrThrow();
    if (!isActiveSweep(current.status) || current.done !== sweep.done) return;
    const now = ctx.clock.now();
    const recorded = await recordSweepObservations(tx, now, SYSTEM_ACTOR, { kind: sweep.kind, id: sweepId }, checked);
    const done = current.done + checked.length;
    await tx
      .updateTable('compliance_sweeps')
      .set((eb) => ({
        done,
        failed: eb('failed', '+', failed),
        findings: eb('findings', '+', recorded.opened),
        closed: eb('closed', '+', recorded.closed),
        cursor: batch.cursor ? JSON.stringify(batch.cursor satisfies SweepCursor) : null,
        updated_at: now,
      }))
      .where('id', '=', sweepId)
      .execute();
    // Run by the CLI rather than the job runner, this batch's job is still pending: it has nothing left to do.
    await cancelJob(tx, batchJobKey(sweepId, current.done));
    // The count made at the start is replaced by what was really checked (services may come and go meanwhile).
    if (isLast) await moveSweep(tx, SYSTEM_ACTOR, now, { ...current, status: 'running' }, 'done', { total: done });
    else await scheduleJob(tx, now, { name: SWEEP_BATCH_JOB, payload: { sweepId }, runAt: now, dedupeKey: batchJobKey(sweepId, done), maxAttempts: 5 });
  });
  return loadView(ctx, sweepId);
}

async function loadView(ctx: AppContext, sweepId: string): Promise<SweepView> {
  return toSweepView(await ctx.db.selectFrom('compliance_sweeps').selectAll().where('id', '=', sweepId).executeTakeFirstOrThrow());
}

/** Ends a run as failed with the reason (a batch that failed for good, a kind no longer configured). */
export async function failSweep(ctx: AppContext, sweepId: string, error: string): Promise<void> {
  ahead.get(ctx)?.delete(sweepId);
  await ctx.db.transaction().execute(async (tx) => {
    const current = await tx.selectFrom('compliance_sweeps').select(['id', 'kind', 'status']).where('id', '=', sweepId).forUpdate().executeTakeFirstOrThrow();
    if (isActiveSweep(current.status)) await moveSweep(tx, SYSTEM_ACTOR, ctx.clock.now(), current, 'failed', { error: error.slice(0, 2000) });
  });
}
