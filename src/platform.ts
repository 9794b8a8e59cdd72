import type { FastifyInstance } from 'fastify';
import { seedDemo } from './seed-demo.ts';
import { startBackgroundLoop } from './core/background.ts';
import type { Clock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import { createContext, type AppContext } from './core/context.ts';
import { openDatabase, withSessionLock, type Database } from './core/db/database.ts';
import { migrate } from './core/db/migrate.ts';
import { createLogger } from './core/logger.ts';
import { shareVirtualClock } from './core/shared-clock.ts';
import { registerHandlers } from './handlers.ts';
import { backfillPersonKeys } from './filing/index.ts';
import { buildApp } from './http/app.ts';
import { scheduleNextRetention } from './housekeeping/index.ts';
import { connectRegulator, startRegulator, startRegulatorPolling } from './regulator/index.ts';

export type Platform = { ctx: AppContext; app: FastifyInstance; stop(): Promise<void> };

/** Any constant: demo seeding by processes started together takes turns (each would add the missing accounts). */
const SEED_LOCK = 727_274_002;

/**
 * Wires one running platform: database, migrations, the regulator adapter, handlers, demo seed, HTTP. Used by
 * `serve` and by tests.
 */
export async function createPlatform(config: Config, options: { database?: Database; clock?: Clock; background?: boolean } = {}): Promise<Platform> {
  const logger = createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase(config));
  await migrate(database.db);
  const ctx = createContext(config, database, logger, options.clock);
  try {
    ctx.regulator = await connectRegulator(ctx);
  } catch (error) {
    await database.close();
    throw error;
  }
  // A clock injected by a test is that test's to move; `serve` on PostgreSQL shares its with the other processes.
  if (!options.clock && ctx.virtualClock && database.kind === 'postgres') ctx.sharedClock = await shareVirtualClock(database, ctx.virtualClock, logger);
  await backfillPersonKeys(ctx);
  registerHandlers(ctx);
  if (config.seedDemo) await withSessionLock(database, SEED_LOCK, () => seedDemo(ctx));
  const app = await buildApp(ctx);
  await startRegulator(ctx);
  const isBackgroundOn = options.background ?? config.background;
  const loop = isBackgroundOn ? startBackgroundLoop(ctx) : null;
  // Only a process that runs background work asks for the daily retention run (one per day whatever the processes).
  if (loop) await scheduleNextRetention(ctx);
  const polling = isBackgroundOn ? startRegulatorPolling(ctx) : null;
  return {
    ctx,
    app,
    async stop() {
      await polling?.stop();
      await loop?.stop();
      for (const worker of ctx.workers) await worker.close?.();
      await ctx.regulator.stop?.();
      await app.close();
      await ctx.sharedClock?.stop();
      await ctx.files.close();
      await database.close();
    },
  };
}
