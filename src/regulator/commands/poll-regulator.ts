import { sql } from 'kysely';
import type { AppContext } from '../../core/context.ts';
import { applyRegulatorEvents } from './apply-regulator-event.ts';

/** Long enough for one round of pages; a process that died holding it is replaced after this. */
const LEASE_MS = 2 * 60_000;
const MAX_PAGES = 50;

/**
 * Asks a polled adapter for progress since the stored cursor, applies each event, then stores the new cursor — so
 * a crash between the two only makes the next poll repeat events, which are applied once. One process polls at a
 * time (a lease on the cursor row, taken and given back in short statements, never held across the network call).
 * Returns how many events came.
 */
export async function pollRegulator(ctx: AppContext): Promise<number> {
  const regulator = ctx.regulator;
  if (!regulator.poll) return 0;
  const adapter = regulator.name;
  const worker = ctx.jobs.workerId;
  const now = ctx.clock.now();
  await ctx.db.insertInto('regulator_cursors').values({ adapter, cursor: null, updated_at: now }).onConflict((oc) => oc.column('adapter').doNothing()).execute();
  // The lease on the database's clock, the one every process shares (a process ahead on the shared demo clock would
  // otherwise see another's fresh lease as long expired and poll beside it).
  const lease = await ctx.db
    .updateTable('regulator_cursors')
    .set({ leased_by: worker, leased_until: sql<Date>`now() + make_interval(secs => ${LEASE_MS / 1000})` })
    .where('adapter', '=', adapter)
    .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', sql<Date>`now()`), eb('leased_by', '=', worker)]))
    .returning('cursor')
    .executeTakeFirst();
  if (!lease) return 0;

  let cursor = lease.cursor;
  let received = 0;
  try {
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await regulator.poll(cursor);
      received += answer.events.length;
      await applyRegulatorEvents(ctx, answer.events);
      if (answer.cursor !== cursor) {
        cursor = answer.cursor;
        await ctx.db.updateTable('regulator_cursors').set({ cursor, updated_at: ctx.clock.now() }).where('adapter', '=', adapter).where('leased_by', '=', worker).execute();
      }
      if (answer.events.length === 0) break;
    }
  } finally {
    await ctx.db.updateTable('regulator_cursors').set({ leased_by: null, leased_until: null }).where('adapter', '=', adapter).where('leased_by', '=', worker).execute();
  }
  return received;
}

/** Polls on a timer (OPENBEIAN_REGULATOR_POLL_SECONDS) in a process that runs background work. */
export function startRegulatorPolling(ctx: AppContext): { stop(): Promise<void> } {
  if (!ctx.regulator.poll) return { stop: async () => undefined };
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = pollRegulator(ctx)
      .catch((error: unknown) => ctx.logger.warn({ err: error, regulator: ctx.regulator.name }, 'polling the regulator failed; trying again later'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, ctx.config.regulator.pollSeconds * 1000);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

