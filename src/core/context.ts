import type { Clock } from './clock.ts';
import { VirtualClock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { JobRunner } from './jobs.ts';
import type { Logger } from './logger.ts';
import { OutboxDispatcher } from './outbox.ts';
import { FieldCipher } from './personal-data.ts';
import { configureAuditChain } from './audit.ts';
import type { Regulator } from '../regulator/port.ts';
import type { SharedClock } from './shared-clock.ts';
import { createFileStore, type FileStore } from '../materials/storage/index.ts';

/** Everything a command needs from the outside world, built once at boot and passed down explicitly. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Database['db'];
  clock: Clock;
  /** Present in demo and test mode only: the clock that `POST /api/v1/dev/clock/advance` moves. */
  virtualClock: VirtualClock | null;
  logger: Logger;
  cipher: FieldCipher;
  jobs: JobRunner;
  outbox: OutboxDispatcher;
  /** The link to the filing authority (DESIGN §5.12); connected by createPlatform, unusable before. */
  regulator: Regulator;
  /** Where uploaded files are kept, sealed (OPENBEIAN_STORAGE: the data dir, or an S3-compatible bucket shared by every process). */
  files: FileStore;
  /** Background work beside the outbox and the jobs (the message sender), run by drainBackgroundWork, closed at stop. */
  workers: BackgroundWorker[];
  /** Demo/test `serve` on PostgreSQL: the virtual clock's offset shared with the other processes (shared-clock.ts). */
  sharedClock: SharedClock | null;
};

export type BackgroundWorker = { name: string; runDue(): Promise<number>; close?(): Promise<void> };

export function createContext(config: Config, database: Database, logger: Logger, clock?: Clock): AppContext {
  const virtualClock = config.isDevMode ? (clock instanceof VirtualClock ? clock : new VirtualClock(clock)) : null;
  const effectiveClock = virtualClock ?? clock ?? { now: () => new Date() };
  configureAuditChain(config.encryption, config.auditOldKeys);
  return {
    config,
    database,
    db: database.db,
    clock: effectiveClock,
    virtualClock,
    logger,
    cipher: new FieldCipher(config.encryption, config.lookup),
    jobs: new JobRunner(database.db, effectiveClock, logger),
    outbox: new OutboxDispatcher(database.db, effectiveClock, logger),
    regulator: NOT_CONNECTED,
    files: createFileStore(config),
    workers: [],
    sharedClock: null,
  };
}

const notConnected = (): never => {
  throw new Error('the regulator is not connected in this process (only `serve` and the tests connect it)');
};
/** Commands that never reach the regulator (migrate, seed, export-allowlist) run with this one. */
const NOT_CONNECTED: Regulator = { name: 'not-connected', submit: notConnected, changeAccess: notConnected, lookup: notConnected };

/** Runs side effects that became due: outbox events first (they may schedule jobs), then jobs, until quiet. */
export async function drainBackgroundWork(ctx: AppContext, maxRounds = 20): Promise<void> {
  for (let round = 0; round < maxRounds; round += 1) {
    const events = await ctx.outbox.dispatchPending();
    const jobs = await ctx.jobs.runDue();
    let other = 0;
    for (const worker of ctx.workers) other += await worker.runDue();
    if (events === 0 && jobs === 0 && other === 0) return;
  }
}

/**
 * Moves the virtual clock forward the way time would pass: it stops at each job that falls due on the way and runs
 * it then, so a follow-up step is scheduled from when its cause happened, not from the end of the jump.
 */
export async function advanceVirtualClock(ctx: AppContext, ms: number): Promise<Date> {
  const clock = ctx.virtualClock;
  if (!clock) throw new Error('the clock can only be moved in demo and test mode');
  await ctx.sharedClock?.refresh();
  const target = clock.now().getTime() + ms;
  await drainBackgroundWork(ctx);
  for (let step = 0; step < 10_000; step += 1) {
    const next = await nextDueAt(ctx, new Date(target));
    if (!next) break;
    const gap = next.getTime() - clock.now().getTime();
    if (gap > 0) clock.advance(gap);
    // Other processes follow each step, so what they do meanwhile is dated like what this one does.
    await ctx.sharedClock?.publish();
    await drainBackgroundWork(ctx);
  }
  clock.advance(Math.max(0, target - clock.now().getTime()));
  await ctx.sharedClock?.publish();
  await drainBackgroundWork(ctx);
  return clock.now();
}

/** The earliest job, outbox retry or message retry due by `until`. */
async function nextDueAt(ctx: AppContext, until: Date): Promise<Date | null> {
  const [job, delivery, message] = await Promise.all([
    ctx.db.selectFrom('jobs').select('run_at as at').where('status', '=', 'pending').where('run_at', '<=', until).orderBy('run_at').limit(1).executeTakeFirst(),
    ctx.db.selectFrom('outbox_deliveries').select('next_attempt_at as at').where('status', '=', 'pending').where('next_attempt_at', '<=', until).orderBy('next_attempt_at').limit(1).executeTakeFirst(),
    // Only pending messages: one being sent is held by a lease on the database's clock, which no move of the
    // virtual clock brings nearer.
    ctx.db
      .selectFrom('sent_messages')
      .select('next_attempt_at as at')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', until)
      .orderBy('next_attempt_at')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const times = [job?.at, delivery?.at, message?.at].filter((at): at is Date => at instanceof Date).map((at) => at.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}
