import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { Db, Executor } from './db/database.ts';
import { newId } from './ids.ts';

/**
 * Deadlines and background work (SMS 24 h window, regulator steps, 45-day expiry) live in the `jobs` table and
 * fall due on the application clock, so a virtual clock can move them. Workers claim due rows with
 * FOR UPDATE SKIP LOCKED: any number of workers may run, and one job never runs twice at the same time.
 */
export type JobHandler = (payload: Record<string, unknown>, job: { id: number; attempts: number }) => Promise<void>;

export type ScheduleJob = {
  name: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  /** A second schedule with the same key is ignored: handlers may schedule freely. */
  dedupeKey?: string;
  maxAttempts?: number;
};

export async function scheduleJob(executor: Executor, now: Date, job: ScheduleJob): Promise<void> {
  await executor
    .insertInto('jobs')
    .values({
      name: job.name,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt,
      status: 'pending',
      dedupe_key: job.dedupeKey ?? null,
      max_attempts: job.maxAttempts ?? 5,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Cancels a pending job by its dedupe key (e.g. the SMS timeout once the code is confirmed). */
export async function cancelJob(executor: Executor, dedupeKey: string): Promise<void> {
  await executor.updateTable('jobs').set({ status: 'done', last_error: 'cancelled' }).where('dedupe_key', '=', dedupeKey).where('status', '=', 'pending').execute();
}

const LEASE_MS = 5 * 60_000;

/**
 * The claim, as one statement. Its two arms are served by two partial indexes (jobs_due_idx on pending run_at,
 * jobs_lease_idx on running locked_until): test/query-plans.test.ts holds it to that, so a table of finished jobs
 * never turns the claim into a scan. A job falls due on the application clock (`now`), but its lease is measured on
 * the database's clock (`now()` in SQL), the one clock all workers share: with the demo clock shared between
 * processes, a lease on the application clock expired under a running job as soon as another worker's clock was ahead
 * of its holder's, and the job ran twice at once.
 */
export function claimDueJobsQuery(now: Date, workerId: string, limit: number) {
  return sql<{ id: number; name: string; payload: Record<string, unknown>; attempts: number }>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${workerId},
             locked_until = now() + make_interval(secs => ${LEASE_MS / 1000})
       WHERE id IN (
         SELECT id FROM jobs
          WHERE (status = 'pending' AND run_at <= ${now})
             OR (status = 'running' AND locked_until < now())
          ORDER BY run_at, id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, name, payload, attempts`;
}

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  readonly workerId = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`job handler ${name} registered twice`);
    this.handlers.set(name, handler);
  }

  /** Claims up to `limit` due jobs in one statement; expired leases (a crashed worker) are claimable again. */
  async claimDue(limit: number): Promise<{ id: number; name: string; payload: Record<string, unknown>; attempts: number }[]> {
    const result = await claimDueJobsQuery(this.clock.now(), this.workerId, limit).execute(this.db);
    return result.rows;
  }

  /** Runs everything that is due now, including jobs scheduled by handlers for now or earlier. */
  async runDue(maxRounds = 50): Promise<number> {
    let ran = 0;
    for (let round = 0; round < maxRounds; round += 1) {
      const jobs = await this.claimDue(10);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        await this.runOne(job);
        ran += 1;
      }
    }
    return ran;
  }

  private async runOne(job: { id: number; name: string; payload: Record<string, unknown>; attempts: number }): Promise<void> {
    const handler = this.handlers.get(job.name);
    const now = () => this.clock.now();
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload, { id: job.id, attempts: job.attempts });
      await this.db.updateTable('jobs').set({ status: 'done', finished_at: now(), locked_until: null }).where('id', '=', job.id).execute();
    } catch (error) {
      const row = await this.db.selectFrom('jobs').select(['max_attempts']).where('id', '=', job.id).executeTakeFirstOrThrow();
      const isFinal = job.attempts >= row.max_attempts;
      this.logger.warn({ err: error, jobId: job.id, job: job.name, attempts: job.attempts, isFinal }, 'job failed');
      await this.db
        .updateTable('jobs')
        .set({
          status: isFinal ? 'failed' : 'pending',
          // Exponential backoff from 30 s: 30 s, 1 min, 2 min, 4 min …
          run_at: new Date(now().getTime() + 30_000 * 2 ** (job.attempts - 1)),
          last_error: String(error instanceof Error ? error.message : error).slice(0, 2000),
          locked_until: null,
          finished_at: isFinal ? now() : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
