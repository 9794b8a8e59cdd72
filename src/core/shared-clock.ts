import { sql } from 'kysely';
import pg from 'pg';
import type { VirtualClock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logger.ts';

export const CLOCK_CHANNEL = 'openbeian_dev_clock';
/** A lost notification (a broken LISTEN connection) is made up for by reading the row this often. */
const POLL_MS = 1000;

export type SharedClock = {
  /** Moves this process's clock up to the shared offset (never back). */
  refresh(): Promise<void>;
  /** Records this process's offset as the shared one (if it is ahead) and tells the other processes. */
  publish(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Demo and test mode with several processes on one PostgreSQL: `POST /api/v1/dev/clock/advance` reaches one of
 * them, yet every process must see the same time (an SMS code sent by one is checked by another; a job scheduled by
 * one falls due in another). The offset of the virtual clock from real time lives in `dev_clock`; the process that
 * moves it NOTIFYs, and the others catch up at once (or at the next poll, should the notification be lost). The
 * offset only grows, like the virtual clock itself, so a restarted process rejoins the others' time.
 *
 * The check path reads nothing per request: a benchmark of the enforcement check in test mode stays unaffected.
 */
export async function shareVirtualClock(database: Database, clock: VirtualClock, logger: Logger): Promise<SharedClock> {
  const { db } = database;
  const refresh = async () => {
    const row = await db.selectFrom('dev_clock').select('offset_ms').executeTakeFirst();
    const behind = Number(row?.offset_ms ?? 0) - clock.offset;
    if (behind > 0) clock.advance(behind);
  };
  const publish = async () => {
    const offset = Math.round(clock.offset);
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('dev_clock')
        .values({ offset_ms: offset, updated_at: new Date() })
        .onConflict((oc) => oc.column('id').doUpdateSet({ offset_ms: sql`GREATEST(dev_clock.offset_ms, excluded.offset_ms)`, updated_at: new Date() }))
        .execute();
      await sql`SELECT pg_notify(${CLOCK_CHANNEL}, '')`.execute(tx);
    });
  };
  const onError = (error: unknown) => logger.warn({ err: error }, 'shared virtual clock: could not read the offset');

  await refresh();
  const timer = setInterval(() => void refresh().catch(onError), POLL_MS);
  timer.unref();
  const listener = await listen(database, () => void refresh().catch(onError), logger);
  return {
    refresh,
    publish,
    async stop() {
      clearInterval(timer);
      await listener?.end().catch(() => undefined);
    },
  };
}

/** One connection of its own in LISTEN; if it breaks, the poll carries on alone (this is a demo tool). */
async function listen(database: Database, onNotice: () => void, logger: Logger): Promise<pg.Client | null> {
  const client = new pg.Client(database.pool.options);
  client.on('notification', (note) => {
    if (note.channel === CLOCK_CHANNEL) onNotice();
  });
  client.on('error', (error) => {
    logger.warn({ err: error }, 'shared virtual clock: LISTEN connection lost; polling every second');
    client.end().catch(() => undefined);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CLOCK_CHANNEL}`);
    return client;
  } catch (error) {
    logger.warn({ err: error }, 'shared virtual clock: could not listen; polling every second');
    await client.end().catch(() => undefined);
    return null;
  }
}
