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
};

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
    if (events === 0 && jobs === 0) return;
  }
}

/**
 * Moves the virtual clock forward the way time would pass: it stops at each job that falls due on the way and runs
 * it then, so a follow-up step is scheduled from when its cause happened, not from the end of the jump.
 */
export async function advanceVirtualClock(ctx: AppContext, ms: number): Promise<Date> {
  const clock = ctx.virtualClock;
  if (!clock) throw new Error('the clock can only be moved in demo and test mode');
  const target = clock.now().getTime() + ms;
  await drainBackgroundWork(ctx);
  for (let step = 0; step < 10_000; step += 1) {
    const next = await ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('status', '=', 'pending')
      .where('run_at', '<=', new Date(target))
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst();
    if (!next) break;
    const gap = next.run_at.getTime() - clock.now().getTime();
    if (gap > 0) clock.advance(gap);
    await drainBackgroundWork(ctx);
  }
  clock.advance(Math.max(0, target - clock.now().getTime()));
  await drainBackgroundWork(ctx);
  return clock.now();
}
