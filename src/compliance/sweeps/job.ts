import type { AppContext } from '../../core/context.ts';
import { failSweep, runSweepBatch } from './commands/run-sweep-batch.ts';
import { SWEEP_BATCH_JOB } from './commands/start-sweep.ts';

const MAX_ATTEMPTS = 5;

/**
 * The batch job of a sweep run. A batch that throws (the database went away mid-commit) is retried with the job
 * runner's backoff from the same cursor; after the last attempt the run is marked failed with the error, so the
 * console shows it instead of a bar that never moves.
 */
export function registerSweepJob(ctx: AppContext): void {
  ctx.jobs.register(SWEEP_BATCH_JOB, async (payload, job) => {
    const sweepId = String(payload.sweepId);
    try {
      await runSweepBatch(ctx, sweepId);
    } catch (error) {
      if (job.attempts >= MAX_ATTEMPTS) await failSweep(ctx, sweepId, error instanceof Error ? error.message : String(error));
      throw error;
    }
  });
}
