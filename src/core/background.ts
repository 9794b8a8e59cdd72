import pg from 'pg';
import { drainBackgroundWork, type AppContext } from './context.ts';
import { OUTBOX_CHANNEL, onEventWritten } from './outbox.ts';

const RECONNECT_MS = 5000;

/**
 * Polls the outbox and the job table, and drains at once when an event is written (so an approval or revocation
 * reaches the enforcement feed in milliseconds, not at the next poll). Several processes may run this: claims use
 * SKIP LOCKED.
 */
export function startBackgroundLoop(ctx: AppContext, intervalMs = 1000): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let isAgainNeeded = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      // An event written while a drain runs may have been missed by it: one more round afterwards.
      isAgainNeeded = true;
      return;
    }
    running = drainBackgroundWork(ctx)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'background work failed'))
      .finally(() => {
        running = null;
        if (isAgainNeeded) {
          isAgainNeeded = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  const wake = ctx.database.kind === 'postgres' ? listenForEvents(ctx, tick) : { stop: onEventWritten(() => setImmediate(tick)) };
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await wake.stop();
      await running;
    },
  };
}

/** One connection of its own in LISTEN; if it breaks, polling goes on and it reconnects after a pause. */
function listenForEvents(ctx: AppContext, onEvent: () => void): { stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let isStopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const connection = new pg.Client(ctx.database.pool.options);
    connection.on('notification', (note) => {
      if (note.channel === OUTBOX_CHANNEL) onEvent();
    });
    connection.on('error', (error) => {
      if (isStopped) return;
      ctx.logger.warn({ err: error }, 'outbox wake-up connection lost; polling meanwhile');
      if (client === connection) client = null;
      connection.end().catch(() => undefined);
      scheduleReconnect();
    });
    try {
      await connection.connect();
      await connection.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (isStopped) await connection.end();
      else {
        client = connection;
        // Whatever was written while this connection was being made (or was down) woke nobody: look now.
        onEvent();
      }
    } catch (error) {
      if (isStopped) return;
      ctx.logger.warn({ err: error }, 'outbox wake-up could not listen; polling meanwhile');
      connection.end().catch(() => undefined);
      scheduleReconnect();
    }
  };
  const scheduleReconnect = () => {
    if (isStopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  };
  const started = connect();
  return {
    async stop() {
      isStopped = true;
      if (retry) clearTimeout(retry);
      await started;
      const connection = client;
      client = null;
      await connection?.end().catch(() => undefined);
    },
  };
}
