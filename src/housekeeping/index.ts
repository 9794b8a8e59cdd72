import type { AppContext } from '../core/context.ts';
import { scheduleJob } from '../core/jobs.ts';
import { runHousekeeping } from './run-housekeeping.ts';
import { nextRunAfter } from './rules.ts';

export { runHousekeeping } from './run-housekeeping.ts';
export { RETENTION_RULES } from './rules.ts';

export const RETENTION_JOB = 'housekeeping.retention';

/** The daily retention run, each run scheduling the next (one per day across processes: the dedupe key is the day). */
export function registerHousekeeping(ctx: AppContext): void {
  ctx.jobs.register(RETENTION_JOB, async () => {
    await runHousekeeping(ctx);
    await scheduleNextRetention(ctx);
  });
}

export async function scheduleNextRetention(ctx: AppContext): Promise<void> {
  const runAt = nextRunAfter(ctx.clock.now());
  await scheduleJob(ctx.db, ctx.clock.now(), { name: RETENTION_JOB, runAt, dedupeKey: `retention:${runAt.toISOString()}` });
}
